import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/app-header';
import { ComponentTable } from '@/components/component-table';
import { getDb } from '@/db/client';
import { currentUser } from '@/lib/auth/session';
import { componentSummaries } from '@/lib/services/components';

export const dynamic = 'force-dynamic';

export default async function ComponentsPage() {
  const user = await currentUser();
  if (!user) redirect('/login');
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
