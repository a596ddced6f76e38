import { ApprovalHistory, HISTORY_LIMIT } from '@/components/remediation/approval-history';
import { ApprovalQueue } from '@/components/remediation/approval-queue';
import { ApprovalTabs } from '@/components/remediation/approval-tabs';
import { getDb } from '@/db/client';
import { approvalHistory, decidableApprovals } from '@/db/queries/remediations';
import { hasRole } from '@/lib/auth/roles';
import { requirePageUser } from '@/lib/auth/guards';
import { remediationView } from '@/lib/remediation/present';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Approvals · Self-Healing Console' };

type SearchParams = Promise<{ tab?: string | string[]; all?: string | string[] }>;

export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser('viewer');
  const { tab, all } = await searchParams;
  const current = tab === 'history' ? 'history' : 'pending';
  const db = await getDb();
  const now = new Date();
  return (
    <>
      <h1>Approvals</h1>
      <p className="subtitle">High-risk remediations wait here for a second person. Unanswered ones expire and never run.</p>
      <ApprovalTabs current={current} />
      {current === 'pending' ? (
        <ApprovalQueue
          initial={(await decidableApprovals(db, now)).map(remediationView)}
          viewer={{ id: user.id, email: user.email, role: user.role, canDecide: hasRole(user.role, 'approver') }}
        />
      ) : (
        <ApprovalHistory
          rows={(await approvalHistory(db, { now, limit: HISTORY_LIMIT, includePolicy: all === '1' })).map(remediationView)}
          includePolicy={all === '1'}
        />
      )}
    </>
  );
}
