import Link from 'next/link';
import { approvalHref } from '@/lib/dashboard/proposal';
import type { PredictionLevel, Trend } from '@/lib/healing/types';

export function scoreTone(score: number): string {
  if (score >= 100) return 'tone-ok';
  if (score >= 75) return 'tone-warn';
  if (score >= 50) return 'tone-high';
  return 'tone-crit';
}

// A symbol as well as the word, so the level reads without colour.
const LEVEL_SYMBOL: Record<PredictionLevel, string> = { low: '●', medium: '◆', high: '▲', critical: '■' };

export function LevelBadge({ level }: { level: PredictionLevel }) {
  return (
    <span className={`badge level-${level}`} data-level={level}>
      <span aria-hidden="true">{LEVEL_SYMBOL[level]}</span>
      {level}
    </span>
  );
}

const TREND_LABEL: Record<Trend, { arrow: string; tone: string }> = {
  improving: { arrow: '↗', tone: 'tone-ok' },
  stable: { arrow: '→', tone: 'muted' },
  declining: { arrow: '↘', tone: 'tone-crit' },
};

export function TrendLabel({ trend }: { trend: Trend }) {
  const { arrow, tone } = TREND_LABEL[trend];
  return (
    <span className={`nowrap ${tone}`}>
      <span aria-hidden="true">{arrow}</span> {trend}
    </span>
  );
}

/**
 * Open approval requests; when there are any, a link to the component's oldest
 * request in the queue (its card is the anchor), else to the queue.
 */
export function PendingApprovals({ count, firstId = null }: { count: number; firstId?: string | null }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <Link
      href={firstId ? approvalHref(firstId) : '/approvals'}
      className="count-pill"
      aria-label={`${count} pending approval${count === 1 ? '' : 's'}`}
    >
      {count}
    </Link>
  );
}

/** The console heals (or asks to heal) this component on its next pass. */
export function TriggeredBadge() {
  return (
    <span className="badge triggered" data-testid="triggered" title="A HEAL_* trigger fires or a memory leak is detected: the console acts on it">
      <span aria-hidden="true">⚡</span>
      triggered
    </span>
  );
}
