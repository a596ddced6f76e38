/**
 * Restarts and deployment rollbacks through Render's REST API (SPEC §3):
 *   POST  {base}/services/{id}/restart
 *   GET   {base}/services/{id}/deploys?limit=20
 *   POST  {base}/services/{id}/rollback   {"deployId": "..."}
 *   PATCH {base}/services/{id}            {"autoDeploy": "no"}
 *   GET   {base}/services/{id}            serviceDetails.numInstances, serviceDetails.autoscaling
 *   POST  {base}/services/{id}/scale      {"numInstances": N}  (202; ignored while autoscaling is on)
 * A deployment rollback picks the deploy before the live one from the list;
 * `rollbackTo` (a `previous_state` rollback) is given the deploy id and skips the list.
 * Every request has its own timeout and is retried per retry.ts (429/5xx/transport
 * only). Failures carry Render's own error `message`; a transport failure reads
 * "Render API unreachable" (the errno, host and port go to the server log only).
 * Answers are capped at 256 KB and redirects followed only within the API's
 * origin (http/outbound.ts). The API key is sent only in the Authorization
 * header and never logged.
 */
import 'server-only';
import { z } from 'zod';
import { log } from '@/lib/log';
import { observeExecutorCall } from '@/lib/observability/metrics';
import { createOutboundFetch, OutboundRefusedError, type OutboundOptions } from './http/outbound';
import { isTimeoutError, transportLogDetail, withRetry, worstCaseCallMs, type AttemptResult, type RetryOptions } from './retry';
import type { CallOutcome, DeployRef, DeploymentRollbackOutcome, InstancesOutcome, ServiceExecutor } from './types';

export const DEFAULT_RENDER_API_URL = 'https://api.render.com/v1';
/** Render service ids look like `srv-d0abc123xyz`; anything else would build a different URL path. */
export const RENDER_SERVICE_ID_PATTERN = /^srv-[a-z0-9]+$/;
/** How far back we look for a deploy to roll back to. */
export const DEPLOY_LIST_LIMIT = 20;
/** Deploys that once went live, so rolling back to them is known to work. */
const SUCCESSFUL_DEPLOY_STATUSES = new Set(['live', 'deactivated']);

/**
 * Render's answers are read up to this size: larger than the 64 KB default because a
 * list of 20 deploys carries each commit message whole, and those can be long.
 */
export const RENDER_MAX_BODY_BYTES = 256 * 1024;

/** Per request, not per action. */
export const RENDER_TIMEOUT_MS = 10_000;
/**
 * The longest a Render action can take with the default timeout and retries:
 * a deployment rollback makes three calls (list deploys, rollback, PATCH), each
 * up to 4 attempts × 10 s plus 3 waits of at most 8 s = 64 s — 192 s in all.
 * An execution lease shorter than this could expire under a healthy executor.
 */
export const RENDER_ACTION_WORST_CASE_MS = 3 * worstCaseCallMs(RENDER_TIMEOUT_MS);

export interface RenderExecutorOptions {
  apiKey: string | null | undefined;
  baseUrl?: string;
  /** Per request, not per action (default 10 s). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Body cap and, for tests, name resolution. */
  http?: OutboundOptions;
}

const deploySchema = z.object({
  id: z.string().min(1),
  commit: z.object({ id: z.string().nullish(), message: z.string().nullish() }).nullish(),
  status: z.string().nullish(),
  createdAt: z.string().nullish(),
  finishedAt: z.string().nullish(),
});
type RenderDeploy = z.infer<typeof deploySchema>;
/** Render wraps each deploy as `{deploy, cursor}`; a bare deploy object is accepted too. */
const deployListSchema = z.array(
  z.union([z.object({ deploy: deploySchema, cursor: z.string().nullish() }), deploySchema]),
);

/**
 * The part of Render's service object a scale reads: web services, private
 * services and background workers carry `serviceDetails.numInstances`, and
 * `serviceDetails.autoscaling` when it is configured (static sites and cron jobs have no count).
 */
const serviceSchema = z.object({
  type: z.string().nullish(),
  serviceDetails: z
    .object({
      numInstances: z.number().int().nonnegative().nullish(),
      autoscaling: z.object({ enabled: z.boolean(), min: z.number().int(), max: z.number().int() }).nullish(),
    })
    .nullish(),
});

/** The outcome of one logical request (after retries), before it becomes a CallOutcome. */
interface Exchange {
  ok: boolean;
  status: number | null;
  attempts: number;
  /** Parsed JSON body of the last response when it had one. */
  body: unknown;
  /** Set when !ok: what went wrong, for the SRE. */
  error?: string;
}

export function createRenderExecutor(options: RenderExecutorOptions): ServiceExecutor {
  const apiKey = options.apiKey?.trim() || null;
  const baseUrl = (options.baseUrl?.trim() || DEFAULT_RENDER_API_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  const fetchFn = createOutboundFetch({ maxBodyBytes: RENDER_MAX_BODY_BYTES, ...options.http });

  async function call(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    serviceId: string,
    json?: unknown,
  ): Promise<Exchange> {
    const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    const body = json === undefined ? undefined : JSON.stringify(json);

    const { last, attempts } = await withRetry(
      () => fetchFn(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) }),
      {
        ...options.retry,
        onRetry: (info) => {
          log.warn('render api retry', { method, path, service_id: serviceId, ...info });
          options.retry?.onRetry?.(info);
        },
      },
    );
    if (!last.response || !last.response.ok) {
      log.warn('render api call failed', { method, path, service_id: serviceId, status: last.response?.status ?? null, attempts, ...transportLogDetail(last.error) });
    }
    return toExchange(last, attempts, timeoutMs);
  }

  /** Shared guards: a key and a well-formed id, else nothing is sent. */
  function precheck(serviceId: string): string | null {
    if (!apiKey) {
      return 'RENDER_API_KEY is not set; set it to a Render API key (Account Settings → API Keys) to restart, roll back or scale services';
    }
    if (!RENDER_SERVICE_ID_PATTERN.test(serviceId)) {
      return `"${serviceId}" is not a Render service id (expected srv- followed by lowercase letters and digits)`;
    }
    return null;
  }

  async function restart(serviceId: string): Promise<CallOutcome> {
    const refused = precheck(serviceId);
    if (refused) return notSent(refused);

    const result = await call('POST', `/services/${serviceId}/restart`, serviceId);
    if (!result.ok) return failure(result, 'Service restart failed');
    return { success: true, status_code: result.status, attempts: result.attempts, message: 'Service restart initiated' };
  }

  async function rollbackDeployment(serviceId: string): Promise<DeploymentRollbackOutcome> {
    const none = { from_deploy: null, to_deploy: null, auto_deploy_disabled: false };
    const refused = precheck(serviceId);
    if (refused) return { ...notSent(refused), ...none };

    const listing = await call('GET', `/services/${serviceId}/deploys?limit=${DEPLOY_LIST_LIMIT}`, serviceId);
    const attempts = listing.attempts;
    if (!listing.ok) return { ...failure(listing, 'Listing deploys failed'), ...none };

    const parsed = deployListSchema.safeParse(listing.body);
    if (!parsed.success) {
      const error = `Render API answered an unexpected deploy list (${parsed.error.issues[0]?.message ?? 'not an array'})`;
      return { success: false, status_code: listing.status, attempts, message: 'Listing deploys failed', error, ...none };
    }
    const deploys = parsed.data.map((item) => ('deploy' in item ? item.deploy : item));
    const choice = chooseRollbackTarget(deploys);
    if ('error' in choice) {
      return {
        success: false,
        status_code: listing.status,
        attempts,
        message: 'Nothing to roll back to',
        error: choice.error,
        from_deploy: choice.live ? toDeployRef(choice.live) : null,
        to_deploy: null,
        auto_deploy_disabled: false,
      };
    }
    return rollbackAndFreeze(serviceId, toDeployRef(choice.live), toDeployRef(choice.target), attempts);
  }

  /** POST rollback to `to_deploy`, then PATCH auto-deploy off; `attempts` carries earlier calls' count. */
  async function rollbackAndFreeze(
    serviceId: string,
    from_deploy: DeployRef | null,
    to_deploy: DeployRef,
    earlierAttempts: number,
  ): Promise<DeploymentRollbackOutcome> {
    let attempts = earlierAttempts;
    const rollback = await call('POST', `/services/${serviceId}/rollback`, serviceId, { deployId: to_deploy.id });
    attempts += rollback.attempts;
    if (!rollback.ok) {
      return { ...failure(rollback, 'Rollback failed'), attempts, from_deploy, to_deploy, auto_deploy_disabled: false };
    }

    // An API rollback leaves auto-deploy on, so the next push would undo it.
    const patch = await call('PATCH', `/services/${serviceId}`, serviceId, { autoDeploy: 'no' });
    attempts += patch.attempts;
    const rolledBack = `Rolled back ${from_deploy ? `from deploy ${from_deploy.id} ` : ''}to ${describeDeploy(to_deploy)}`;
    const message = patch.ok
      ? `${rolledBack}; auto-deploy turned off so the next push does not undo it`
      : `${rolledBack}, but turning auto-deploy off failed (${patch.error}); turn it off in the Render dashboard or the next push will redeploy`;
    // status_code is the rollback's: that call decided success; the PATCH is reported in the message.
    return {
      success: true,
      status_code: rollback.status,
      attempts,
      message,
      from_deploy,
      to_deploy,
      auto_deploy_disabled: patch.ok,
    };
  }

  async function rollbackTo(serviceId: string, deployId: string): Promise<DeploymentRollbackOutcome> {
    const refused = precheck(serviceId) ?? (deployId.trim() ? null : 'no deploy id to roll back to');
    if (refused) return { ...notSent(refused), from_deploy: null, to_deploy: null, auto_deploy_disabled: false };
    return rollbackAndFreeze(serviceId, null, { id: deployId }, 0);
  }

  async function instances(serviceId: string): Promise<InstancesOutcome> {
    const none = { num_instances: null, autoscaling: null };
    const refused = precheck(serviceId);
    if (refused) return { ...notSent(refused), ...none };
    const read = await call('GET', `/services/${serviceId}`, serviceId);
    if (!read.ok) return { ...failure(read, 'Reading the service failed'), ...none };
    const parsed = serviceSchema.safeParse(read.body);
    if (!parsed.success) {
      const error = `Render API answered an unexpected service (${parsed.error.issues[0]?.message ?? 'not an object'})`;
      return { success: false, status_code: read.status, attempts: read.attempts, message: 'Reading the service failed', error, ...none };
    }
    const details = parsed.data.serviceDetails;
    if (details?.numInstances == null) {
      const error = `Render service ${serviceId}${parsed.data.type ? ` (${parsed.data.type})` : ''} has no instance count to scale`;
      return { success: false, status_code: read.status, attempts: read.attempts, message: 'Nothing to scale', error, ...none };
    }
    const autoscaling = details.autoscaling?.enabled ? { min: details.autoscaling.min, max: details.autoscaling.max } : null;
    return { success: true, status_code: read.status, attempts: read.attempts, message: 'Service read', num_instances: details.numInstances, autoscaling };
  }

  async function scale(serviceId: string, numInstances: number): Promise<CallOutcome> {
    const refused = precheck(serviceId);
    if (refused) return notSent(refused);
    const result = await call('POST', `/services/${serviceId}/scale`, serviceId, { numInstances });
    if (!result.ok) return failure(result, 'Service scale failed');
    return { success: true, status_code: result.status, attempts: result.attempts, message: `Scale to ${numInstances} instance${numInstances === 1 ? '' : 's'} accepted` };
  }

  return {
    kind: 'render',
    restart: async (serviceId) => logged('render restart', serviceId, await restart(serviceId)),
    instances: async (serviceId) => {
      const outcome = await instances(serviceId);
      return outcome.success ? outcome : logged('render read service', serviceId, outcome);
    },
    scale: async (serviceId, numInstances) => logged('render scale', serviceId, await scale(serviceId, numInstances), { num_instances: numInstances }),
    async rollbackDeployment(serviceId) {
      const outcome = await rollbackDeployment(serviceId);
      return logged('render rollback', serviceId, outcome, {
        from: outcome.from_deploy?.id,
        to: outcome.to_deploy?.id,
        auto_deploy_disabled: outcome.auto_deploy_disabled,
      });
    },
    async rollbackTo(serviceId, deployId) {
      const outcome = await rollbackTo(serviceId, deployId);
      return logged('render rollback to deploy', serviceId, outcome, { to: deployId, auto_deploy_disabled: outcome.auto_deploy_disabled });
    },
  };
}

/** One log line per action: failures as warnings, with the error (never the key). */
function logged<T extends CallOutcome>(action: string, serviceId: string, outcome: T, extra: Record<string, unknown> = {}): T {
  const { success, status_code: status, attempts, error } = outcome;
  observeExecutorCall('render', action.replace(/^render /, '').replaceAll(' ', '_'), outcome);
  (success ? log.info : log.warn)(action, { service_id: serviceId, success, status, attempts, error, ...extra });
  return outcome;
}

/** RENDER_API_KEY and RENDER_API_URL (default https://api.render.com/v1; parsed in lib/env.ts); other options as given. */
export function renderExecutorFromEnv(
  settings: { apiKey: string | undefined; apiUrl: string | undefined },
  options: Omit<RenderExecutorOptions, 'apiKey' | 'baseUrl'> = {},
): ServiceExecutor {
  return createRenderExecutor({ ...options, apiKey: settings.apiKey, baseUrl: settings.apiUrl });
}

/**
 * The live deploy (newest with status `live`) and the next older deploy that
 * once went live. Failed or canceled builds in between are skipped: rolling
 * back to a build that never ran would fail or, worse, ship a broken build.
 * Render lists deploys newest first.
 */
export function chooseRollbackTarget(
  deploys: RenderDeploy[],
): { live: RenderDeploy; target: RenderDeploy } | { live: RenderDeploy | null; error: string } {
  const liveIndex = deploys.findIndex((deploy) => deploy.status === 'live');
  const live = deploys[liveIndex];
  if (!live) {
    return { live: null, error: `No live deploy among the latest ${deploys.length} deploys; nothing to roll back from` };
  }
  const target = deploys.slice(liveIndex + 1).find((deploy) => SUCCESSFUL_DEPLOY_STATUSES.has(deploy.status ?? ''));
  if (!target) {
    return {
      live,
      error: `No earlier successful deploy before the live one (${live.id}) among the latest ${DEPLOY_LIST_LIMIT} deploys; nothing to roll back to`,
    };
  }
  return { live, target };
}

function toDeployRef(deploy: RenderDeploy): DeployRef {
  return {
    id: deploy.id,
    commit: deploy.commit?.id ?? null,
    commit_message: deploy.commit?.message ?? null,
    status: deploy.status ?? undefined,
    created_at: deploy.createdAt ?? undefined,
  };
}

function describeDeploy(deploy: DeployRef): string {
  const commit = deploy.commit ? ` (commit ${deploy.commit.slice(0, 7)})` : '';
  return `${deploy.id}${commit}`;
}

function notSent(error: string): CallOutcome {
  return { success: false, status_code: null, attempts: 0, message: 'Request not sent', error };
}

function failure(exchange: Exchange, message: string): CallOutcome {
  return { success: false, status_code: exchange.status, attempts: exchange.attempts, message, error: exchange.error };
}

async function toExchange(last: AttemptResult, attempts: number, timeoutMs: number): Promise<Exchange> {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (!last.response) {
    // The transport detail (errno, host, port) was logged by call(); results are shown to viewers.
    const error = isTimeoutError(last.error)
      ? `Render API request timed out after ${timeoutMs} ms (${tries})`
      : last.error instanceof OutboundRefusedError
        ? `Render API ${last.error.message} (${tries})`
        : `Render API unreachable (${tries})`;
    return { ok: false, status: null, attempts, body: null, error };
  }
  const { response } = last;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The status arrived but the body did not (e.g. timeout mid-body): still an answer.
    text = '';
    if (response.ok) {
      log.warn('render api answer lost', { status: response.status, ...transportLogDetail(error) });
      const reason = isTimeoutError(error)
        ? `timed out after ${timeoutMs} ms`
        : error instanceof OutboundRefusedError
          ? error.message
          : 'connection dropped';
      return { ok: false, status: response.status, attempts, body: null, error: `Render API response body lost: ${reason}` };
    }
  }
  const body = parseJson(text);
  if (response.ok) return { ok: true, status: response.status, attempts, body };
  const after = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  return { ok: false, status: response.status, attempts, body, error: `${renderError(response.status, body, text)}${after}` };
}

/** `Render API 404: service not found`, with advice where the status has an obvious fix. */
function renderError(status: number, body: unknown, text: string): string {
  const fromBody =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string' ? body.message : null;
  const detail = fromBody ?? (text.trim().slice(0, 200) || 'no error message');
  const base = `Render API ${status}: ${detail}`;
  if (status === 401) return `${base}; verify RENDER_API_KEY (Render rejected it)`;
  if (status === 403) return `${base}; verify RENDER_API_KEY belongs to a workspace with access to this service`;
  return base;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
