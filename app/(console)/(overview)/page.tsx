import type { Metadata } from 'next';
import { ComponentTable } from '@/components/component-table';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { overview } from '@/lib/services/overview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview · Self-Healing Console' };

export default async function OverviewPage() {
  await requirePageUser('viewer');
  const initial = await overview(await getDb());
  return (
    <>
      <h1>Overview</h1>
      <p className="subtitle">
        Every component&apos;s health, where it is heading and what waits for a decision — riskiest first, live.
      </p>
      <h2>Components</h2>
      <ComponentTable initial={initial} />
    </>
  );
}
