import { describe, expect, it } from 'vitest';
import type { RemediationView } from '@/lib/remediation/present';
import { isRequestedBy } from '@/lib/remediation/view-checks';

const view = (over: Partial<RemediationView>) => ({ requested_by: 'reconciler', requested_by_kind: 'reconciler', requester_user_id: null, ...over }) as RemediationView;
const ann = { id: '11111111-1111-4111-8111-111111111111', email: 'ann@example.com' };

describe('isRequestedBy (four-eyes, as the approval queue shows it)', () => {
  it('a person’s own request, by id or by email', () => {
    expect(isRequestedBy(view({ requested_by: 'Ann@Example.com', requested_by_kind: 'user', requester_user_id: ann.id }), ann)).toBe(true);
    expect(isRequestedBy(view({ requested_by: 'ann@example.com', requested_by_kind: 'user' }), ann)).toBe(true);
  });

  it('a request made through a token the person created counts as theirs', () => {
    expect(isRequestedBy(view({ requested_by: 'ci-deploy', requested_by_kind: 'token', requester_user_id: ann.id }), ann)).toBe(true);
  });

  it('the reconciler’s and other people’s requests are not', () => {
    expect(isRequestedBy(view({}), ann)).toBe(false);
    expect(isRequestedBy(view({ requested_by: 'bob@example.com', requested_by_kind: 'user', requester_user_id: '22222222-2222-4222-8222-222222222222' }), ann)).toBe(false);
  });
});
