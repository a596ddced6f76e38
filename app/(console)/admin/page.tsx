import { AlertRoutingPanel } from '@/components/admin/alert-routing-panel';
import { HookRangesPanel } from '@/components/admin/hook-ranges-panel';
import { EventsPanel } from '@/components/admin/events-panel';
import { PausePanel } from '@/components/admin/pause-panel';
import { PolicyPanel } from '@/components/admin/policy-panel';
import { PrometheusSourcesPanel } from '@/components/admin/prometheus-sources-panel';
import { TokensPanel } from '@/components/admin/tokens-panel';
import { UsersPanel } from '@/components/admin/users-panel';
import { getDb } from '@/db/client';
import { recentAdminEvents } from '@/db/queries/admin-events';
import { listApiTokens } from '@/db/queries/api-tokens';
import { listComponents } from '@/db/queries/components';
import { automationPause } from '@/db/queries/settings';
import { listUsers } from '@/db/queries/users';
import { REMEDIATION_POLICIES, ROLES } from '@/db/schema';
import { requirePageUser } from '@/lib/auth/guards';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { currentAlertRouting } from '@/lib/services/alerts';
import { currentHookRanges } from '@/lib/services/hook-addresses';
import { listSourceViews } from '@/lib/services/prometheus-sources';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Administration · Self-Healing Console' };

const RECENT_EVENTS = 50;

export default async function AdminPage() {
  const user = await requirePageUser('admin');
  const db = await getDb();
  const [users, tokens, components, pause, hookRanges, alertRouting, events, sources] = await Promise.all([
    listUsers(db),
    listApiTokens(db),
    listComponents(db),
    automationPause(db),
    currentHookRanges(db),
    currentAlertRouting(db),
    recentAdminEvents(db, RECENT_EVENTS),
    listSourceViews(db),
  ]);
  return (
    <>
      <h1>Administration</h1>
      <p className="subtitle">People, machine tokens, remediation policies, the automation switch and who changed them.</p>
      <PausePanel pause={pause} />
      <UsersPanel users={users} me={user.id} roles={ROLES} minPasswordLength={MIN_PASSWORD_LENGTH} />
      <TokensPanel tokens={tokens} roles={ROLES} />
      {/* Only what the panel shows: a component row also holds its hook secret. */}
      <PolicyPanel
        components={components.map(({ name, environment, policy }) => ({ name, environment, policy }))}
        policies={REMEDIATION_POLICIES}
      />
      {/* The view only: a source row also holds its token or password. */}
      <PrometheusSourcesPanel sources={sources} />
      <HookRangesPanel state={hookRanges} />
      <AlertRoutingPanel state={alertRouting} />
      <EventsPanel
        events={events.map(({ id, at, actor, action, target, details }) => ({ id, at, actor, action, target, details }))}
        limit={RECENT_EVENTS}
      />
    </>
  );
}
