/** The admin's alert routing setting: defaults until saved, saved with its admin event in one transaction. */
import { beforeAll, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { adminSetAlertRouting } from '@/lib/services/admin/alert-routing';
import { createUser } from '@/lib/services/accounts';
import { currentAlertRouting } from '@/lib/services/alerts';
import { setAlertRoutingInput } from '@/lib/validation/admin';
import { testDatabase } from '../../helpers/api';

let actor: SessionUser;
beforeAll(async () => {
  const { db } = await testDatabase();
  const user = await createUser(db, { email: 'alerts-admin@example.com', role: 'admin', password: 'admin password 123' });
  actor = { id: user.id, email: user.email, name: user.email, role: 'admin' };
});

it('answers the defaults until an admin saves it, then what was saved, with an admin event', async () => {
  const { db, rawQuery } = await testDatabase();
  expect(await currentAlertRouting(db)).toMatchObject({ componentLabels: ['component', 'service', 'job'], healingSeverities: ['critical'], saved: false });
  const saved = await adminSetAlertRouting(db, actor, setAlertRoutingInput.parse({ component_labels: 'service, app', healing_severities: 'critical page' }));
  expect(saved).toMatchObject({ componentLabels: ['service', 'app'], healingSeverities: ['critical', 'page'], saved: true, updatedBy: 'alerts-admin@example.com' });
  const events = await rawQuery<{ action: string; details: Record<string, string> }>(`select action, details from admin_events where action = 'alerts.routing'`);
  expect(events).toEqual([
    {
      action: 'alerts.routing',
      details: { from: 'labels component, service, job; healing severities critical', to: 'labels service, app; healing severities critical, page' },
    },
  ]);
  // An empty severity list: alerts are shown, none heals.
  expect((await adminSetAlertRouting(db, actor, setAlertRoutingInput.parse({ component_labels: 'job', healing_severities: '' }))).healingSeverities).toEqual([]);
});
