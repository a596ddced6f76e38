'use client';

/**
 * The live approval queue. Polls GET /api/v1/approvals (paused while the tab
 * is hidden) and drops an item the second its expiry passes, so nobody acts on
 * a proposal that can no longer run. Items decided here stay, with the outcome.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/server-action';
import type { RemediationView } from '@/lib/remediation/present';
import { ApprovalCard, type Viewer } from './approval-card';
import type { DecisionResult } from './outcomes';
import { useNow } from '@/components/hooks/use-now';
import { fetchApprovals, queryKeys } from '@/components/queries';
import styles from './approvals.module.css';

const POLL_MS = 3_000;

interface Settled {
  item: RemediationView;
  outcome: ActionResult<DecisionResult>;
}

export function ApprovalQueue({ initial, viewer }: { initial: RemediationView[]; viewer: Viewer }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.approvals,
    queryFn: fetchApprovals,
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const now = useNow();
  const [settled, setSettled] = useState<Record<string, Settled>>({});

  const onDecided = (item: RemediationView, outcome: ActionResult<DecisionResult>) => {
    setSettled((s) => ({ ...s, [item.id]: { item, outcome } }));
    void queryClient.invalidateQueries({ queryKey: queryKeys.approvals });
  };

  const open = query.data.filter((r) => !settled[r.id] && (now === null || !r.expires_at || Date.parse(r.expires_at) > now));
  const items = [...open, ...Object.values(settled).map((s) => s.item)].sort((a, b) => a.created_at.localeCompare(b.created_at));

  return (
    <>
      <div className="status-line" aria-live="polite">
        <span data-testid="pending-count">
          {open.length} waiting for a decision
        </span>
        <span>{query.isError ? `Refresh failed: ${query.error.message}` : `Refreshes every ${POLL_MS / 1000}s`}</span>
      </div>
      {!viewer.canDecide && (
        <p className={styles.note}>
          Approvers decide these. You can follow them here; your role is {viewer.role}.
        </p>
      )}
      {items.length === 0 ? (
        <div className="card empty">Nothing is waiting for approval.</div>
      ) : (
        <div className={styles.list}>
          {items.map((item) => (
            <ApprovalCard
              key={item.id}
              item={item}
              now={now}
              viewer={viewer}
              outcome={settled[item.id]?.outcome}
              onDecided={onDecided}
            />
          ))}
        </div>
      )}
    </>
  );
}
