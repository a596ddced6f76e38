/** Alertmanager 0.25 webhook payloads (version 4), shaped as notify/webhook sends them, for tests. */
export interface TestAlert {
  status?: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  fingerprint?: string;
}

let nextFingerprint = 0x1a30ba71cca2921f0n;

export function fingerprint(): string {
  return (nextFingerprint++).toString(16).padStart(16, '0').slice(-16);
}

export function webhookPayload(alerts: TestAlert[], status: 'firing' | 'resolved' = alerts.some((a) => a.status !== 'resolved') ? 'firing' : 'resolved') {
  const full = alerts.map((a) => ({
    status: a.status ?? 'firing',
    labels: a.labels,
    annotations: a.annotations ?? {},
    startsAt: a.startsAt ?? '2026-12-01T12:03:00.123456789Z',
    endsAt: a.endsAt ?? (a.status === 'resolved' ? '2026-12-01T12:20:00Z' : '0001-01-01T00:00:00Z'),
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=up+%3D%3D+0',
    fingerprint: a.fingerprint ?? fingerprint(),
  }));
  return {
    receiver: 'self-healing-console',
    status,
    alerts: full,
    groupLabels: { alertname: full[0]?.labels.alertname ?? '' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
  };
}
