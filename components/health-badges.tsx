import type { PredictionLevel, Trend } from '@/lib/healing/types';

export function scoreTone(score: number): string {
  if (score >= 100) return 'tone-ok';
  if (score >= 75) return 'tone-warn';
  if (score >= 50) return 'tone-high';
  return 'tone-crit';
}

const LEVEL_TONE: Record<PredictionLevel, string> = {
  low: 'tone-ok',
  medium: 'tone-warn',
  high: 'tone-high',
  critical: 'tone-crit',
};

export function LevelBadge({ level }: { level: PredictionLevel }) {
  return <span className={`badge ${LEVEL_TONE[level]}`}>{level}</span>;
}

const TREND_LABEL: Record<Trend, { arrow: string; tone: string }> = {
  improving: { arrow: '↗', tone: 'tone-ok' },
  stable: { arrow: '→', tone: 'muted' },
  declining: { arrow: '↘', tone: 'tone-crit' },
};

export function TrendLabel({ trend }: { trend: Trend }) {
  const { arrow, tone } = TREND_LABEL[trend];
  return (
    <span className={tone}>
      {arrow} {trend}
    </span>
  );
}
