import type { Metadata } from 'next';
import { ComponentTable } from '@/components/component-table';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { SourceStatusList } from '@/components/component-page/source-status';
import { overview } from '@/lib/services/overview';
import { sourceStatusViews } from '@/lib/services/source-status';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview · Self-Healing Console' };

export default async function OverviewPage() {
  await requirePageUser('viewer');
  const db = await getDb();
  const [initial, statuses] = await Promise.all([overview(db), sourceStatusViews(db)]);
  // Only failing pulls: a component fed by a broken source must not read as merely healthy.
  const failing = statuses.filter((s) => !s.ok);
  return (
    <>
      <h1>Overview</h1>
      <p className="subtitle">
        Every component&apos;s health, where it is heading and what waits for a decision — riskiest first, live.
      </p>
      {failing.length > 0 && (
        <section aria-label="Failing Prometheus sources">
          <h2>Prometheus sources failing</h2>
          <SourceStatusList statuses={failing} showComponent />
        </section>
      )}
      <h2>Components</h2>
      <ComponentTable initial={initial} />
    </>
  );
}
