import type { Metadata } from 'next';
import { ComponentTable } from '@/components/component-table';
import { FailingSources } from '@/components/failing-sources';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { overview } from '@/lib/services/overview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview · Self-Healing Console' };

export default async function OverviewPage() {
  await requirePageUser('viewer');
  const db = await getDb();
  const initial = await overview(db);
  return (
    <>
      <h1>Overview</h1>
      <p className="subtitle">
        Every component&apos;s health, where it is heading and what waits for a decision — riskiest first, live.
      </p>
      <FailingSources initial={initial} />
      <h2>Components</h2>
      <ComponentTable initial={initial} />
    </>
  );
}
