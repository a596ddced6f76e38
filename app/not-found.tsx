import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not found · Self-Healing Console' };

export default function NotFound() {
  return (
    <main id="main">
      <h1>Page not found</h1>
      <p className="subtitle">There is nothing at this address.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </main>
  );
}
