import Link from 'next/link';
import { ConsoleFrame } from '@/components/console-frame';
import { currentUser } from '@/lib/auth/session';

export default async function ComponentNotFound() {
  const user = await currentUser();
  return (
    <ConsoleFrame user={user}>
      <h1>Component not found</h1>
      <p className="subtitle">No component of that name has reported to the console or been registered.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </ConsoleFrame>
  );
}
