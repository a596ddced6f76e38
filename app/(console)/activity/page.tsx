import type { Metadata } from 'next';
import Link from 'next/link';
import { ActivityFilters } from '@/components/activity/activity-filters';
import { ActivityTable } from '@/components/activity/activity-table';
import { getDb } from '@/db/client';
import { activityPage } from '@/db/queries/activity';
import { BRAIN_ACTION_TYPES } from '@/lib/remediation/actions';
import { listComponents } from '@/db/queries/components';
import { requirePageUser } from '@/lib/auth/guards';
import { ACTIVITY_PAGE_SIZE, activityHref, DEFAULT_ACTIVITY_SPAN, KNOWN_STATUSES, parseActivityQuery, spanStart } from '@/lib/dashboard/activity-query';
import { ACTIVITY_SPANS, DURATION_LABEL } from '@/lib/dashboard/durations';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Activity · Self-Healing Console' };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('viewer');
  const { query: q, problems } = parseActivityQuery(await searchParams);
  const db = await getDb();
  const [page, components] = await Promise.all([
    activityPage(
      db,
      { component: q.component ?? undefined, actionType: q.type ?? undefined, status: q.status ?? undefined, since: spanStart(q.span, new Date()) },
      { cursor: q.cursor, limit: ACTIVITY_PAGE_SIZE },
    ),
    listComponents(db),
  ]);
  const filtered = q.component || q.type || q.status || q.span !== DEFAULT_ACTIVITY_SPAN || problems.length > 0;

  return (
    <>
      <h1>Activity</h1>
      <p className="subtitle">
        Everything the console checked and did, from the <code>unified_brain</code> audit log — newest first.
      </p>
      <ActivityFilters
        // A new URL (e.g. "Clear filters") remounts the form so its selects show the URL's values.
        key={activityHref({ ...q, cursor: null })}
        components={components.map((c) => c.name)}
        actionTypes={BRAIN_ACTION_TYPES}
        statuses={KNOWN_STATUSES}
        spans={ACTIVITY_SPANS}
        current={q}
      />
      {problems.length > 0 && (
        <div className="notice crit" role="alert" data-testid="activity-problems">
          <strong>Some of this link was not applied:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="status-line">
        <span data-testid="activity-summary">
          {page.rows.length === 0
            ? 'No rows'
            : `${q.cursor ? 'Older rows' : 'Newest rows'}: ${page.rows.length}${page.next ? '+' : ''} · ${DURATION_LABEL[q.span].toLowerCase()}`}
        </span>
        {filtered && <Link href="/activity">Clear filters</Link>}
      </div>
      {page.rows.length === 0 ? (
        <div className="card empty">
          {q.cursor ? 'No older rows match these filters.' : 'Nothing matches these filters in this time range.'}
        </div>
      ) : (
        <ActivityTable rows={page.rows} />
      )}
      <nav className="pager" aria-label="Pages">
        {q.cursor && <Link href={activityHref({ ...q, cursor: null })}>← Newest</Link>}
        {page.next && (
          <Link href={activityHref({ ...q, cursor: page.next })} rel="next" data-testid="next-page">
            Older rows →
          </Link>
        )}
      </nav>
    </>
  );
}
