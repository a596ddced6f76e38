/** Four-eyes tests of decide() on a remediation's view, for the approval queue (runs in the browser too). */
import type { RemediationView } from './present';

/** The four-eyes test of decide() on the view: did this person ask, themself or through a token they created? */
export function isRequestedBy(view: RemediationView, person: { id: string; email: string }): boolean {
  return (
    (view.requester_user_id !== null && view.requester_user_id === person.id) ||
    (view.requested_by_kind === 'user' && view.requested_by.toLowerCase() === person.email.toLowerCase())
  );
}

/** The evidence four-eyes test of decide() on the view: did this person send a sample behind it? */
export function sentEvidenceOf(view: RemediationView, person: { id: string }): boolean {
  return view.evidence_senders.some((sender) => sender.user_id === person.id);
}
