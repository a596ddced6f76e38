/** How the approval queue, its history and the component actions name who asked for a remediation. */
import type { RemediationView } from '@/lib/remediation/present';

const REQUESTER_KIND: Record<RemediationView['requested_by_kind'], string> = {
  user: 'person',
  token: 'API token',
  reconciler: 'automatic: the reconciler',
};

export function requesterKindLabel(kind: RemediationView['requested_by_kind']): string {
  return REQUESTER_KIND[kind];
}
