/**
 * What a remediation was proposed on: the health check the reconciler (or the
 * requester's page) saw. Evidence is stored as free-form JSON, so each part is
 * read defensively; a missing or malformed part is left out, never guessed.
 */
// Rendered in the browser too (the approval cards): zod without its eval probe, for the CSP.
import { PREDICTION_LEVELS } from '@/lib/healing/vocabulary';
import { z } from '@/lib/http/zod-without-eval';
import { LevelBadge, scoreTone } from '@/components/health-badges';
import { labelText } from '@/lib/alerts/format';
import { formatRiskScore } from '@/lib/healing/format';
import { formatUtc } from '@/lib/format';
import styles from './approvals.module.css';

const num = z.number();
const evidenceSchema = z.object({
  checked_at: z.string().optional().catch(undefined),
  health_score: num.optional().catch(undefined),
  failure_prediction: z
    .object({
      level: z.enum(PREDICTION_LEVELS),
      probability: num,
      time_to_failure: z.string(),
      reasons: z.array(z.string()).catch([]),
    })
    .optional()
    .catch(undefined),
  metrics: z
    .object({ cpu_usage: num, memory_usage: num, error_rate: num, latency_ms: num, memory_mb: num.nullable().optional() })
    .optional()
    .catch(undefined),
  warnings: z.array(z.string()).optional().catch(undefined),
  healing_triggers: z.array(z.string()).optional().catch(undefined),
  memory_leak: z.object({ leak_detected: z.boolean(), reason: z.string() }).optional().catch(undefined),
  policy: z.string().optional().catch(undefined),
  // Firing Alertmanager alerts behind the proposal (lib/remediation/evidence.ts alertEvidence).
  alerts: z
    .array(
      z.object({
        alertname: z.string(),
        severity: z.string().nullable().catch(null),
        starts_at: z.string(),
        labels: z.record(z.string(), z.string()).catch({}),
        annotations: z.record(z.string(), z.string()).catch({}),
      }),
    )
    .optional()
    .catch(undefined),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export function parseEvidence(raw: Record<string, unknown>): Evidence {
  const parsed = evidenceSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

const oneDecimal = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

function MetricsRow({ metrics }: { metrics: NonNullable<Evidence['metrics']> }) {
  const cells: [string, string][] = [
    ['CPU', `${oneDecimal(metrics.cpu_usage)} %`],
    ['Memory', `${oneDecimal(metrics.memory_usage)} %`],
    ['Error rate', `${oneDecimal(metrics.error_rate * 100)} %`],
    ['Latency', `${whole(metrics.latency_ms)} ms`],
  ];
  if (metrics.memory_mb != null) cells.push(['Resident memory', `${whole(metrics.memory_mb)} MB`]);
  return (
    <dl className={styles.metrics}>
      {cells.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="num">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EvidenceView({ evidence }: { evidence: Record<string, unknown> }) {
  const e = parseEvidence(evidence);
  const prediction = e.failure_prediction;
  const hasHealth = e.health_score !== undefined || prediction || e.metrics;
  return (
    <section className={styles.evidence} aria-label="Evidence">
      {hasHealth ? (
        <>
          <div className={styles.evidenceHead}>
            {e.health_score !== undefined && (
              <span>
                Health <span className={`score num ${scoreTone(e.health_score)}`}>{oneDecimal(e.health_score)}</span>
              </span>
            )}
            {prediction && (
              <span data-testid="prediction">
                Failure prediction <LevelBadge level={prediction.level} />{' '}
                risk score <span className="num">{formatRiskScore(prediction.probability)}</span>, time to failure{' '}
                {prediction.time_to_failure}
              </span>
            )}
            {e.checked_at && <span className="muted small">as of {formatUtc(e.checked_at, true)}</span>}
          </div>
          {e.metrics && <MetricsRow metrics={e.metrics} />}
          {prediction && prediction.reasons.length > 0 && (
            <List title="Why the prediction" items={prediction.reasons} />
          )}
          {e.warnings && e.warnings.length > 0 && <List title="Warnings" items={e.warnings} />}
          {e.healing_triggers && e.healing_triggers.length > 0 && <List title="Healing triggers" items={e.healing_triggers} />}
          {e.memory_leak?.leak_detected && <List title="Memory leak" items={[e.memory_leak.reason]} />}
        </>
      ) : (
        <p className="muted small">No health check was recorded with this request.</p>
      )}
      {e.alerts && e.alerts.length > 0 && <AlertsEvidence alerts={e.alerts} />}
      {e.policy && <p className="muted small">Policy: {e.policy}</p>}
    </section>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  return (
    <div className={styles.evidenceList}>
      <h4>{title}</h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** Each firing alert with all its labels and annotations: what Alertmanager said, for the approver to judge. */
function AlertsEvidence({ alerts }: { alerts: NonNullable<Evidence['alerts']> }) {
  return (
    <div className={styles.evidenceList} data-testid="alert-evidence">
      <h4>Firing alerts (Alertmanager)</h4>
      {alerts.map((alert, i) => (
        <div key={i}>
          <p className="small">
            <strong>{alert.alertname}</strong>
            {alert.severity && ` · severity ${alert.severity}`} · firing since {formatUtc(alert.starts_at, true)}
          </p>
          <ul>
            {Object.entries(alert.annotations).map(([name, value]) => (
              <li key={`a-${name}`}>
                {name}: {value}
              </li>
            ))}
            <li className="muted">
              labels:{' '}
              {labelText(alert.labels)}
            </li>
          </ul>
        </div>
      ))}
    </div>
  );
}
