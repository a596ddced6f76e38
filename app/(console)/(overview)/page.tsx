import type { Metadata } from 'next';
import { ConsoleFrame } from '@/components/console-frame';
import { ComponentTable } from '@/components/component-table';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { overview } from '@/lib/services/overview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview · Self-Healing Console' };

export default async function OverviewPage() {
  const user = await requirePageUser('viewer');
  const initial = await overview(await getDb());
  return (
    <ConsoleFrame user={user}>
      <h1>Overview</h1>
      <p className="subtitle">
        Every component&apos;s health, where it is heading and what waits for a decision — riskiest first, live.
      </p>
      <h2>Components</h2>
      <ComponentTable initial={initial} />
    </ConsoleFrame>
  );
}
