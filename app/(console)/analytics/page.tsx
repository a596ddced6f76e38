import type { Metadata } from 'next';
import { ActionsOverTimeChart, ApprovalsChart, InterventionsChart, TopActionsChart } from '@/components/analytics/analytics-charts';
import { CardQueryTables } from '@/components/analytics/card-query-tables';
import { SummaryCards } from '@/components/analytics/summary-cards';
import { SegmentedLinks } from '@/components/segmented-links';
import { getDb } from '@/db/client';
import { BRAIN_ACTION_TYPES } from '@/lib/remediation/actions';
import { requirePageUser } from '@/lib/auth/guards';
import { ANALYTICS_WINDOWS, DEFAULT_ANALYTICS_WINDOW, DURATION_LABEL, pickToken } from '@/lib/dashboard/durations';
import { formatUtc } from '@/lib/format';
import { analyticsReport } from '@/lib/services/analytics-report';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Analytics · Self-Healing Console' };

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('viewer');
  const reportWindow = pickToken((await searchParams).window, ANALYTICS_WINDOWS, DEFAULT_ANALYTICS_WINDOW);
  // The report and its export links share one end of window, so the files match what the page shows.
  const until = new Date();
  const report = await analyticsReport(await getDb(), reportWindow, until);
  const exportHref = (format: 'csv' | 'json') =>
    `/api/v1/analytics/export?format=${format}&window=${reportWindow}&until=${encodeURIComponent(until.toISOString())}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Analytics</h1>
          <p className="subtitle">
            {DURATION_LABEL[reportWindow]}, up to {formatUtc(until)} — what the console did and how well it worked.
          </p>
        </div>
        <SegmentedLinks label="Window" options={ANALYTICS_WINDOWS} current={reportWindow} href={(w) => `/analytics?window=${w}`} />
      </div>
      <div className="notice" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center' }}>
        <strong>Export this report</strong>
        <a className="button small" href={exportHref('csv')} download data-testid="export-csv">
          Download CSV
        </a>
        <a className="button small secondary" href={exportHref('json')} download data-testid="export-json">
          Download JSON
        </a>
        <span className="small muted">
          Every audit row of the window; JSON adds this summary. API: <code>GET /api/v1/analytics/export?format=csv&amp;window={reportWindow}</code>
        </span>
      </div>
      <SummaryCards report={report} />
      <div className="grid" style={{ marginBottom: 16 }}>
        <ActionsOverTimeChart report={report} actionTypes={BRAIN_ACTION_TYPES} />
        <TopActionsChart report={report} actionTypes={BRAIN_ACTION_TYPES} />
        <InterventionsChart report={report} />
        <ApprovalsChart report={report} />
      </div>
      <section aria-labelledby="card-queries-title">
        <h2 id="card-queries-title">The reference card&apos;s queries</h2>
        <CardQueryTables report={report} />
      </section>
    </>
  );
}
