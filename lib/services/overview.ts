/** The overview's read model: every component's latest health plus its open approval requests. */
import type { Db } from '@/db/client';
import { pendingApprovalCounts } from '@/db/queries/pending-approvals';
import { componentSummaries, type ComponentSummary } from './components';

export interface OverviewRow extends ComponentSummary {
  /** Remediations of this component waiting for an approver (not yet expired). */
  pending_approvals: number;
}

export interface Overview {
  generated_at: string;
  components: OverviewRow[];
}

export async function overview(db: Db): Promise<Overview> {
  const [summaries, pending] = await Promise.all([componentSummaries(db), pendingApprovalCounts(db)]);
  return {
    generated_at: new Date().toISOString(),
    components: summaries.map((s) => ({ ...s, pending_approvals: pending.get(s.name) ?? 0 })),
  };
}
