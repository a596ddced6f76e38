import type { Metadata } from 'next';
import { PredictionsList } from '@/components/predictions-list';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { overview } from '@/lib/services/overview';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Predictions · Self-Healing Console' };

export default async function PredictionsPage() {
  await requirePageUser('viewer');
  const initial = await overview(await getDb());
  return (
    <>
      <h1>Predictions</h1>
      <p className="subtitle">
        Which components will fail, how soon, why, and what the console proposes — critical predictions first, then
        components whose healing triggers fire, then the likeliest failures. Critical: restart or roll back; high: monitor
        closely; medium: schedule maintenance.
      </p>
      <PredictionsList initial={initial} />
    </>
  );
}
