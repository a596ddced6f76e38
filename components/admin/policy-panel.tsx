'use client';

import { useState } from 'react';
import { setPolicyAction } from '@/app/(console)/admin/actions';
import type { RemediationPolicy } from '@/db/schema';
import { AdminPanel } from './admin-panel';
import styles from './admin.module.css';
import { FormError } from '@/components/ui/form-error';
import { useServerAction } from '@/components/use-server-action';

export interface ComponentPolicy {
  name: string;
  environment: string;
  policy: RemediationPolicy;
}

const MEANING: Record<RemediationPolicy, string> = {
  default: 'restarts and rollbacks in production wait for approval; the rest run at once',
  auto: 'every remediation runs at once',
  approval: 'every remediation waits for an approver',
  never: 'no remediation runs for this component',
};

/** How remediations run per component (SPEC §4); each change enters the component's config history. */
export function PolicyPanel({ components, policies }: { components: ComponentPolicy[]; policies: readonly RemediationPolicy[] }) {
  const [notice, setNotice] = useState('');
  return (
    <AdminPanel
      id="policy"
      title="Remediation policy"
      intro={
        <dl className={styles.legend}>
          {policies.map((p) => (
            <div key={p}>
              <dt>{p}</dt>
              <dd>{MEANING[p]}</dd>
            </div>
          ))}
        </dl>
      }
    >
      <p role="status" className={styles.notice}>
        {notice}
      </p>
      {components.length === 0 ? (
        <p className="empty">No components have reported yet.</p>
      ) : (
        <table className="table" aria-label="Remediation policy">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">Environment</th>
              <th scope="col">Policy</th>
            </tr>
          </thead>
          <tbody>
            {components.map((c) => (
              <PolicyRow key={c.name} component={c} policies={policies} onNotice={setNotice} />
            ))}
          </tbody>
        </table>
      )}
    </AdminPanel>
  );
}

function PolicyRow({
  component,
  policies,
  onNotice,
}: {
  component: ComponentPolicy;
  policies: readonly RemediationPolicy[];
  onNotice: (text: string) => void;
}) {
  const { run, pending, failure } = useServerAction(setPolicyAction);
  return (
    <tr data-component={component.name}>
      <td>{component.name}</td>
      <td className="muted">{component.environment}</td>
      <td>
        <select
          className={styles.select}
          aria-label={`Policy of ${component.name}`}
          value={component.policy}
          disabled={pending}
          onChange={(event) => {
            const policy = event.target.value as RemediationPolicy;
            run({ component: component.name, policy }, () => onNotice(`${component.name}: policy is now ${policy}.`));
          }}
        >
          {policies.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <FormError failure={failure} />
      </td>
    </tr>
  );
}
