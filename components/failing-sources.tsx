'use client';

/**
 * The overview's failing Prometheus sources, live: it reads the overview's
 * react-query entry (queryKeys.overview), which the component table polls, so a
 * source that starts or stops failing shows up with the next refresh rather than
 * only on a reload.
 */
import { useQuery } from '@tanstack/react-query';
import { SourceStatusList } from '@/components/component-page/source-status';
import { fetchOverview, queryKeys } from '@/components/queries';
import type { Overview } from '@/lib/services/overview';

export function FailingSources({ initial }: { initial: Overview }) {
  // No interval of its own: the table's query polls this same entry.
  const { data } = useQuery({ queryKey: queryKeys.overview, queryFn: fetchOverview, initialData: initial });
  if (data.failing_sources.length === 0) return null;
  return (
    <section aria-label="Failing Prometheus sources">
      <h2>Prometheus sources failing</h2>
      <SourceStatusList statuses={data.failing_sources} showComponent />
    </section>
  );
}
