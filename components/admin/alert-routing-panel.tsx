'use client';

import { useState } from 'react';
import { setAlertRoutingAction } from '@/app/(console)/admin/actions';
import type { AlertRoutingState } from '@/db/queries/settings';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { FormError } from '@/components/ui/form-error';
import { LastChanged } from './last-changed';
import { useServerAction } from '@/components/use-server-action';

/** Which alert labels name a component and which severities heal (POST /api/v1/alerts/alertmanager). */
export function AlertRoutingPanel({ state }: { state: AlertRoutingState }) {
  const { run, pending, failure } = useServerAction(setAlertRoutingAction);
  const [notice, setNotice] = useState('');
  const who = <LastChanged by={state.updatedBy} at={state.updatedAt} unchanged="Not changed yet: these are the defaults." />;
  return (
    <AdminPanel
      id="alert-routing"
      title="Alert routing"
      lead={
        <>
          Alertmanager alerts name their component by the first of these labels they carry; an alert naming no registered
          component is stored as unmatched. A firing alert whose <code>severity</code> label is listed below is a healing
          trigger for the reconciler (leave it empty and alerts are only shown).{who}
        </>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          run(
            { component_labels: String(form.get('component_labels') ?? ''), healing_severities: String(form.get('healing_severities') ?? '') },
            (saved) =>
              setNotice(
                `Saved: labels ${saved.componentLabels.join(', ')}; healing severities ${saved.healingSeverities.join(', ') || 'none'}`,
              ),
          );
        }}
      >
        <div className="field">
          <label htmlFor="alert-component-labels">Component labels, in order (comma-separated)</label>
          <input
            id="alert-component-labels"
            name="component_labels"
            defaultValue={state.componentLabels.join(', ')}
            aria-invalid={failure?.field === 'component_labels' ? true : undefined}
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor="alert-healing-severities">Healing severities (comma-separated)</label>
          <input
            id="alert-healing-severities"
            name="healing_severities"
            defaultValue={state.healingSeverities.join(', ')}
            aria-invalid={failure?.field === 'healing_severities' ? true : undefined}
            spellCheck={false}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          Save alert routing
        </button>
      </form>
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      <FormError failure={failure} />
    </AdminPanel>
  );
}
