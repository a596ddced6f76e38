'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { DURATION_LABEL, type ActivitySpan } from '@/lib/dashboard/durations';

interface Props {
  components: string[];
  actionTypes: readonly string[];
  statuses: readonly string[];
  spans: readonly ActivitySpan[];
  current: { component: string | null; type: string | null; status: string | null; span: ActivitySpan };
}

/** Keeps a value the URL asked for selectable even when it is not among the known options. */
function withCurrent(options: readonly string[], current: string | null): string[] {
  return current && !options.includes(current) ? [...options, current] : [...options];
}

/**
 * A GET form: without JavaScript "Apply" submits it; with it, every change
 * navigates at once. Either way the filters land in the URL and a new filter
 * starts again from the newest row (no cursor).
 */
export function ActivityFilters({ components, actionTypes, statuses, spans, current }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === 'string' && value !== '' && !(key === 'span' && value === '24h')) params.set(key, value);
    }
    const qs = params.toString();
    startTransition(() => router.push(qs ? `/activity?${qs}` : '/activity', { scroll: false }));
  }

  return (
    <form
      className="filters"
      method="get"
      action="/activity"
      aria-label="Filter activity"
      aria-busy={pending}
      onChange={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      <label>
        Component
        <select name="component" defaultValue={current.component ?? ''}>
          <option value="">All components</option>
          {withCurrent(components, current.component).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Action type
        <select name="type" defaultValue={current.type ?? ''}>
          <option value="">All actions</option>
          {withCurrent(actionTypes, current.type).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={current.status ?? ''}>
          <option value="">Any status</option>
          {withCurrent(statuses, current.status).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Time
        <select name="span" defaultValue={current.span}>
          {spans.map((s) => (
            <option key={s} value={s}>
              {DURATION_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <button className="button secondary" type="submit">
        Apply
      </button>
      {pending && <span className="small muted">Loading…</span>}
    </form>
  );
}
