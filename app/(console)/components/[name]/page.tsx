import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ComponentDashboard } from '@/components/component-page/component-dashboard';
import { componentPageData } from '@/lib/services/component-page';
import { getDb } from '@/db/client';
import { requirePageUser } from '@/lib/auth/guards';
import { CHART_RANGES, DEFAULT_CHART_RANGE, pickToken } from '@/lib/dashboard/durations';
import { componentNameSchema } from '@/lib/validation/sample';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `${decodeURIComponent(name)} · Components · Self-Healing Console` };
}

/** The first render of a component's page; it then refreshes itself through react-query (ComponentDashboard). */
export default async function ComponentPage({ params, searchParams }: Props) {
  const user = await requirePageUser('viewer');
  const { name: raw } = await params;
  const name = componentNameSchema.safeParse(decodeURIComponent(raw));
  if (!name.success) notFound();
  const range = pickToken((await searchParams).range, CHART_RANGES, DEFAULT_CHART_RANGE);
  const data = await componentPageData(await getDb(), name.data, range, user.role);
  if (!data) notFound();
  // Keyed by range: a new range starts from its own server data rather than the previous range's cache.
  return <ComponentDashboard key={range} initial={data} range={range} />;
}
