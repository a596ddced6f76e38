'use client';

import { useState } from 'react';
import { deletePrometheusSourceAction, savePrometheusSourceAction, testPrometheusSourceAction } from '@/app/(console)/admin/prometheus-actions';
import type { MetricResult } from '@/lib/services/prometheus-pull';
import type { PrometheusSourceView } from '@/lib/services/prometheus-sources';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';

const METRICS = [
  ['cpu_usage', 'cpu_usage (0–100)'],
  ['memory_usage', 'memory_usage (0–100)'],
  ['error_rate', 'error_rate (0–1)'],
  ['latency_ms', 'latency_ms'],
  ['memory_mb', 'memory_mb (optional)'],
] as const;

/**
 * Prometheus sources (lib/services/prometheus-sources.ts): create, edit, delete, and
 * "Test queries". The view carries no secret: a stored token or password shows as "set",
 * and leaving its field empty on save keeps it.
 */
export function PrometheusSourcesPanel({ sources }: { sources: PrometheusSourceView[] }) {
  const [editing, setEditing] = useState<PrometheusSourceView | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState('');
  const [tested, setTested] = useState<{ source: string; component: string; results: MetricResult[] } | null>(null);
  const save = useServerAction(savePrometheusSourceAction);
  const remove = useServerAction(deletePrometheusSourceAction);
  const test = useServerAction(testPrometheusSourceAction);

  const edit = (source: PrometheusSourceView | null) => {
    setEditing(source);
    setFormKey((k) => k + 1);
    save.clearFailure();
  };

  return (
    <AdminPanel
      id="prometheus-sources"
      title="Prometheus sources"
      lead={
        <>
          The console pulls each listed component&apos;s metrics from Prometheus (or Thanos, Mimir, VictoriaMetrics) and judges
          them like a posted sample; <code>$component</code> in a query is each component&apos;s name. A new source backfills
          the last hour. Loopback and private addresses follow the cleanup hook address list below.
        </>
      }
    >
      {sources.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Base URL</th>
              <th>Components</th>
              <th>Status</th>
              <th className={styles.actions}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>{source.name}</td>
                <td>
                  {source.base_url}
                  {source.auth.kind !== 'none' && <span className="badge"> {source.auth.kind} auth</span>}
                </td>
                <td>{source.components.join(', ')}</td>
                <td>
                  {source.statuses.length === 0
                    ? 'not pulled yet'
                    : source.statuses.map((s) => (
                        <div key={s.component} className={s.ok ? undefined : 'error'}>
                          {s.component}: {s.ok ? 'ok' : s.error}
                        </div>
                      ))}
                </td>
                <td className={styles.actions}>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={test.pending}
                    onClick={() => test.run({ id: source.id }, (data) => setTested({ source: source.name, ...data }))}
                  >
                    Test queries
                  </button>{' '}
                  <button type="button" className="button secondary" onClick={() => edit(source)}>
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    className={`button ${styles.danger}`}
                    disabled={remove.pending}
                    onClick={() => {
                      if (window.confirm(`Delete Prometheus source ${source.name}?`)) {
                        remove.run({ id: source.id }, () => setNotice(`Deleted ${source.name}`));
                      }
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError failure={test.failure ?? remove.failure} />
      {tested && (
        <div aria-label="Query results">
          <h3>
            What {tested.source} returns now for {tested.component}
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th>Metric</th>
                <th>Query</th>
                <th>Now</th>
              </tr>
            </thead>
            <tbody>
              {tested.results.map((r) => (
                <tr key={r.metric}>
                  <td>{r.metric}</td>
                  <td>
                    <code>{r.query}</code>
                  </td>
                  <td className={r.ok ? undefined : 'error'}>{r.ok ? Math.round(r.value! * 1000) / 1000 : r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SourceForm
        key={formKey}
        editing={editing}
        pending={save.pending}
        onCancel={() => edit(null)}
        onSubmit={(input) =>
          // What the admin typed, as typed: the server action's schema refuses a bad field by name.
          save.run(input as Parameters<typeof savePrometheusSourceAction>[0], (saved) => {
            setNotice(`Saved ${saved.name}`);
            edit(null);
          })
        }
      />
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      <FormError failure={save.failure} />
    </AdminPanel>
  );
}

function SourceForm({
  editing,
  pending,
  onSubmit,
  onCancel,
}: {
  editing: PrometheusSourceView | null;
  pending: boolean;
  onSubmit: (input: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState(editing?.auth.kind ?? 'none');
  const secretSet = editing?.auth.kind === 'bearer' ? editing.auth.token_set : editing?.auth.kind === 'basic' ? editing.auth.password_set : false;
  return (
    <form
      noValidate
      aria-label={editing ? `Edit ${editing.name}` : 'Add a Prometheus source'}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => String(form.get(name) ?? '');
        const queries: Record<string, string> = {};
        for (const [metric] of METRICS) if (metric !== 'memory_mb' || text(metric).trim()) queries[metric] = text(metric);
        const secret = text('secret');
        const auth =
          kind === 'bearer'
            ? { kind, ...(secret && { token: secret }) }
            : kind === 'basic'
              ? { kind, username: text('username'), ...(secret && { password: secret }) }
              : { kind };
        onSubmit({
          ...(editing && { id: editing.id }),
          name: text('name'),
          base_url: text('base_url'),
          auth,
          queries,
          components: text('components')
            .split(/[\s,]+/)
            .filter(Boolean),
        });
      }}
    >
      <h3>{editing ? `Edit ${editing.name}` : 'Add a source'}</h3>
      <div className="field">
        <label htmlFor="ps-name">Name</label>
        <input id="ps-name" name="name" defaultValue={editing?.name ?? ''} placeholder="prod-prometheus" />
      </div>
      <div className="field">
        <label htmlFor="ps-url">Base URL</label>
        <input id="ps-url" name="base_url" defaultValue={editing?.base_url ?? ''} placeholder="http://prometheus:9090" />
      </div>
      <div className="field">
        <label htmlFor="ps-auth">Authentication</label>
        <select id="ps-auth" className={styles.select} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="none">None</option>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic auth</option>
        </select>
      </div>
      {kind === 'basic' && (
        <div className="field">
          <label htmlFor="ps-user">Username</label>
          <input id="ps-user" name="username" defaultValue={editing?.auth.kind === 'basic' ? editing.auth.username : ''} autoComplete="off" />
        </div>
      )}
      {kind !== 'none' && (
        <div className="field">
          <label htmlFor="ps-secret">{kind === 'bearer' ? 'Token' : 'Password'}</label>
          <input
            id="ps-secret"
            name="secret"
            type="password"
            autoComplete="new-password"
            placeholder={secretSet && editing?.auth.kind === kind ? 'set — leave empty to keep it' : ''}
          />
        </div>
      )}
      {METRICS.map(([metric, label]) => (
        <div className="field" key={metric}>
          <label htmlFor={`ps-${metric}`}>{label}</label>
          <input id={`ps-${metric}`} name={metric} defaultValue={editing?.queries[metric] ?? ''} spellCheck={false} />
        </div>
      ))}
      <div className="field">
        <label htmlFor="ps-components">Components (comma-separated)</label>
        <input id="ps-components" name="components" defaultValue={editing?.components.join(', ') ?? ''} placeholder="checkout, payments" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {editing ? 'Save source' : 'Add source'}
      </button>{' '}
      {editing && (
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
