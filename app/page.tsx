import { AppHeader } from '@/components/app-header';
import { ComponentTable } from '@/components/component-table';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { componentSummaries } from '@/lib/services/components';

export const dynamic = 'force-dynamic';

export default async function ComponentsPage() {
  const user = await requirePageUser('viewer');
  const components = await componentSummaries(await getDb());
  return (
    <>
      <AppHeader user={user} />
      <main>
        <h1>Components</h1>
        <p className="subtitle">Live health score, trend and failure prediction of every component reporting metrics.</p>
        <ComponentTable initial={components} />
      </main>
    </>
  );
}
