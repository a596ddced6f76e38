import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { requirePageUser } from '@/lib/auth/guards';
import { componentNameSchema } from '@/lib/validation/sample';

/**
 * Answers an unknown component with a real 404 status. This runs above the
 * segment's loading.tsx: once the loading fallback has streamed, the status is
 * fixed at 200 and notFound() in the page could only render the 404 UI.
 */
export default async function ComponentLayout({ children, params }: { children: ReactNode; params: Promise<{ name: string }> }) {
  await requirePageUser('viewer'); // sign-in first, so existence is not disclosed to strangers
  const name = componentNameSchema.safeParse(decodeURIComponent((await params).name));
  if (!name.success || !(await findComponentByName(await getDb(), name.data))) notFound();
  return children;
}
