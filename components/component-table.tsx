'use client';

import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { NO_TREND_REASON } from '@/lib/healing/prediction';
import type { ComponentSummary } from '@/lib/services/components';
import type { HealthReport } from '@/lib/services/health-check';
import { LevelBadge, scoreTone, TrendLabel } from './health-badges';

const REFRESH_MS = 5_000;

async function fetchComponents(): Promise<ComponentSummary[]> {
  const res = await fetch('/api/v1/components', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The console answered ${res.status}`);
  return ((await res.json()) as { components: ComponentSummary[] }).components;
}

// A one-second clock for "12s ago" labels. The server snapshot is null so the
// server render and hydration agree; the client then switches to live time.
function subscribeClock(onTick: () => void): () => void {
  const id = setInterval(onTick, 1_000);
  return () => clearInterval(id);
}
const clockSnapshot = () => Math.floor(Date.now() / 1_000) * 1_000;
const serverClockSnapshot = () => null;

function age(iso: string, now: number | null): string {
  if (now === null) return new Date(iso).toISOString().slice(11, 19) + ' UTC';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds}s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

function breachSummary(h: HealthReport): string {
  const critical = h.breaches.filter((b) => b.level === 'critical').length;
  const warning = h.breaches.length - critical;
  return [critical && `${critical} critical`, warning && `${warning} warning${warning === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' · ');
}

/** Prediction reasons first, then warnings the reasons do not already explain; three lines at most. */
function whyLines(h: HealthReport): string[] {
  const reasons = h.failure_prediction.reasons.filter((r) => !(r === NO_TREND_REASON && h.warnings.length > 0));
  const explained = new Set(reasons.map((r) => r.split(' ')[0]));
  const warnings = h.warnings.filter((w) => !explained.has(w.split(' ')[0]));
  return [...reasons, ...warnings].slice(0, 3);
}

export function ComponentTable({ initial }: { initial: ComponentSummary[] }) {
  const query = useQuery({
    queryKey: ['components'],
    queryFn: fetchComponents,
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });
  const now = useSyncExternalStore(subscribeClock, clockSnapshot, serverClockSnapshot);
  const components = query.data;

  return (
    <>
      <div className="status-line" aria-live="polite">
        <span>{components.length} components</span>
        <span>{query.isError ? `Refresh failed: ${query.error.message}` : `Refreshes every ${REFRESH_MS / 1000}s`}</span>
      </div>
      {components.length === 0 ? (
        <div className="card empty">
          No component has reported yet. Send a sample to <code>POST /api/v1/components/&lt;name&gt;/health</code>.
        </div>
      ) : (
        <table className="table" aria-label="Components">
          <thead>
            <tr>
              <th>Component</th>
              <th>Environment</th>
              <th>Health</th>
              <th>Trend</th>
              <th>Failure prediction</th>
              <th>Why</th>
              <th>Last check</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => {
              const h = c.latest_health;
              return (
                <tr key={c.name} data-component={c.name}>
                  <td>
                    <strong>{c.name}</strong>
                  </td>
                  <td className="muted">{c.environment}</td>
                  {h ? (
                    <>
                      <td>
                        <span className={`score num ${scoreTone(h.health_score)}`} data-testid="health-score">
                          {h.health_score.toFixed(1)}
                        </span>
                        {h.breaches.length > 0 && <div className="small muted">{breachSummary(h)}</div>}
                      </td>
                      <td data-testid="trend">
                        <TrendLabel trend={h.trend} />
                      </td>
                      <td data-testid="prediction">
                        <LevelBadge level={h.failure_prediction.level} />{' '}
                        <span className="num">{Math.round(h.failure_prediction.probability * 100)}%</span>
                        <div className="small muted">{h.failure_prediction.time_to_failure}</div>
                      </td>
                      <td className="small">
                        {whyLines(h).map((line) => (
                          <div key={line}>{line}</div>
                        ))}
                      </td>
                      <td className="small muted">{age(h.checked_at, now)}</td>
                    </>
                  ) : (
                    <td colSpan={5} className="muted">
                      Samples stored; no health check yet.
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
