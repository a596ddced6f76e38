import { LevelBadge } from '@/components/health-badges';
import { formatChance, formatDuration, formatRiskScore } from '@/lib/healing/format';
import { bandForLevel, chanceWithinHour } from '@/lib/healing/levels';
import type { HealthReport } from '@/lib/services/health-report';

/** The latest failure prediction: how likely, how soon, why, and the card's recommended action. */
export function PredictionPanel({ report }: { report: HealthReport | null }) {
  if (!report) {
    return (
      <section className="card" aria-labelledby="prediction-title">
        <h2 id="prediction-title">Failure prediction</h2>
        <p className="muted">No health check yet, so nothing is predicted.</p>
      </section>
    );
  }
  const p = report.failure_prediction;
  return (
    <section className="card" aria-labelledby="prediction-title" data-testid="prediction-panel">
      <h2 id="prediction-title">Failure prediction</h2>
      <dl className="facts">
        <dt>Level</dt>
        <dd>
          <LevelBadge level={p.level} />
        </dd>
        {/* The card's banded number is a ranking, not a frequency; the calibrated chance sits beside it (levels.ts). */}
        <dt>Risk score</dt>
        <dd className="num" data-testid="risk-score">
          {formatRiskScore(p.probability)}
        </dd>
        <dt>Chance of crossing critical within 1 h</dt>
        <dd className="num" data-testid="chance-within-hour">
          {formatChance(chanceWithinHour(p.level))}
        </dd>
        <dt>Time to failure</dt>
        <dd>
          {p.time_to_failure}
          {p.minutes_to_failure !== null && (
            <span className="muted">
              {' '}
              ({p.minutes_to_failure === 0 ? 'already critical' : formatDuration(p.minutes_to_failure)}
              {p.metric && `, ${p.metric}`})
            </span>
          )}
        </dd>
        <dt>Recommended action</dt>
        <dd>
          <strong data-testid="recommended-action">{bandForLevel(p.level).recommended_action}</strong>
        </dd>
      </dl>
      <h3 style={{ marginTop: 14 }}>Reasons</h3>
      <ul className="reasons-list">
        {p.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {report.warnings.length > 0 && (
        <>
          <h3 style={{ marginTop: 14 }}>Current warnings</h3>
          <ul className="reasons-list">
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {report.healing_triggers.length > 0 && (
        <>
          <h3 style={{ marginTop: 14 }}>Healing triggers</h3>
          <ul className="reasons-list">
            {report.healing_triggers.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
