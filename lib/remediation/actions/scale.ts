/**
 * scale_service: set how many instances the component's Render (or simulated)
 * service runs — `{num_instances: N}`, or `{by: +1}` relative to the count it
 * reads when it runs (Render: GET /services/{id}, then POST /services/{id}/scale
 * `{numInstances}`). Never above the component's max_instances (an admin's):
 * the capability check refuses a num_instances above it and a component
 * without one; a relative scale is checked against the count it reads.
 * Render ignores a manual count while autoscaling is on: the result says so.
 */
import 'server-only';
import { z } from 'zod';
import { REMEDIATION_BRAIN_ACTIONS, type RemediationParams } from '@/lib/healing/vocabulary';
import { serviceIdSchema } from '@/lib/validation/remediation';
import type { ActionTargets } from '../action-targets';
import type { ActionDefinition, RunContext, RunOutcome } from './definition';
import { reported } from './outcome';
import { noServiceError, resolveService, serviceIdFor, serviceTargetText } from './service';

/** Render scales a service to 1–100 instances. */
export const RENDER_MAX_INSTANCES = 100;

const count = z
  .number({ error: 'must be an integer' })
  .int('must be an integer')
  .min(1, 'must be ≥ 1')
  .max(RENDER_MAX_INSTANCES, `must be ≤ ${RENDER_MAX_INSTANCES} (Render’s limit per service)`);
const step = z
  .number({ error: 'must be an integer' })
  .int('must be an integer')
  .min(-(RENDER_MAX_INSTANCES - 1), `must be ≥ ${-(RENDER_MAX_INSTANCES - 1)}`)
  .max(RENDER_MAX_INSTANCES - 1, `must be ≤ ${RENDER_MAX_INSTANCES - 1}`)
  .refine((n) => n !== 0, 'must not be 0 (a scale by 0 changes nothing)');

/** Exactly one of num_instances and by. */
function exactlyOne(body: { num_instances?: number; by?: number }, ctx: z.RefinementCtx) {
  if (body.num_instances !== undefined && body.by !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['by'], message: 'give either num_instances or by, not both' });
  } else if (body.num_instances === undefined && body.by === undefined) {
    ctx.addIssue({ code: 'custom', path: ['num_instances'], message: 'required: num_instances (how many) or by (how many more, e.g. 1)' });
  }
}

const countFields = { num_instances: count.optional(), by: step.optional() };
const paramsSchema = z.strictObject({ ...countFields, service_id: serviceIdSchema.optional() }).superRefine(exactlyOne);
/** The browser acts only on the registered service, which its dialog names. */
const browserParamsSchema = z.strictObject(countFields).superRefine(exactlyOne);

const plural = (n: number) => `${n} instance${n === 1 ? '' : 's'}`;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function describeParams(params: RemediationParams): string {
  if (params.num_instances !== undefined) return `scale to ${plural(params.num_instances)}`;
  if (params.by !== undefined) return `scale by ${signed(params.by)}`;
  return 'scale';
}

/** The count a scale asks for, from the one running now; an error when it would leave 1…max_instances. */
export function scaleTarget(current: number, params: RemediationParams, max: number): { to: number } | { error: string } {
  const to = params.num_instances ?? current + (params.by ?? 0);
  if (to > max) return { error: `${describeParams(params)} would run ${plural(to)}, more than max_instances (${max}); nothing sent` };
  if (to < 1) return { error: `${describeParams(params)} would run ${plural(to)}; at least 1 must run; nothing sent` };
  return { to };
}

async function scaleService({ component, params, executors, target: bound }: RunContext): Promise<RunOutcome> {
  const base = { component: component.name, from_instances: null as number | null, to_instances: null as number | null };
  const fail = (error: string, extra: Record<string, unknown> = {}): RunOutcome => ({
    success: false,
    error,
    result: { success: false, ...base, ...extra, message: error },
  });
  const target = executors.service(component, serviceIdFor(params, bound));
  if (!target) return fail(noServiceError(component), { service_id: null });
  const fields = { service_id: target.serviceId, executor: target.executor.kind };
  // The lower of the limit now and the one the request was bound to: what the approver saw, never more than an admin allows now.
  if (component.maxInstances === null) return fail(`${component.name} has no max_instances any more; nothing sent`, fields);
  const max = typeof bound.max_instances === 'number' ? Math.min(component.maxInstances, bound.max_instances) : component.maxInstances;

  const read = await target.executor.instances(target.serviceId);
  if (!read.success || read.num_instances === null) {
    return reported({ ...read, success: false }, { ...base, ...fields, attempts: read.attempts });
  }
  const from = read.num_instances;
  const wanted = scaleTarget(from, params, max);
  if ('error' in wanted) return fail(wanted.error, { ...fields, from_instances: from, status_code: read.status_code, attempts: read.attempts });
  if (wanted.to === from && !read.autoscaling) {
    return {
      success: true,
      error: null,
      result: { success: true, ...base, ...fields, from_instances: from, to_instances: from, status_code: read.status_code, attempts: read.attempts, message: `already ${plural(from)}; nothing sent` },
    };
  }

  const outcome = await target.executor.scale(target.serviceId, wanted.to);
  const attempts = read.attempts + outcome.attempts;
  const counts = { ...fields, from_instances: from, to_instances: wanted.to, autoscaling_enabled: read.autoscaling !== null, attempts };
  if (outcome.success && read.autoscaling) {
    // Render keeps the manual count but runs what autoscaling decides: nothing changed now, so this
    // is no scale-out (the reconciler and analytics must not count it as one).
    const { min, max: autoMax } = read.autoscaling;
    return fail(
      `Render accepted ${plural(wanted.to)} but ignores a manual count while autoscaling is on for ${target.serviceId} (min ${min}, max ${autoMax}); the instance count is autoscaling's — change its limits or turn it off in Render`,
      { ...counts, status_code: outcome.status_code },
    );
  }
  return reported(outcome, { ...base, ...counts });
}

export const scale = {
  name: 'scale',
  label: 'Scale',
  verb: 'Scale',
  confirmNow: 'Scale now',
  noun: 'scale',
  brainAction: REMEDIATION_BRAIN_ACTIONS.scale,
  activityFields: ['from_instances', 'to_instances', 'message', 'error', 'remediation_id'],
  // More or fewer instances change what serves users: risky wherever real users are, like a restart.
  disruptive: true,
  needs: () => ({ service: true, hook: false, history: false, instances: true }),
  route: 'scale',
  apiDescription:
    "scale_service: exactly one of `num_instances` (the new count) or `by` (a step, e.g. 1 or -1); `service_id` else the component's `render_service_id`. Never above the component's `max_instances` (null: never scaled) nor below 1.",
  paramsSchema,
  browserParamsSchema,
  bodyRequired: true,
  requestedAs: describeParams,
  toParams: (body) => ({
    ...(body.num_instances !== undefined ? { num_instances: body.num_instances } : { by: body.by }),
    service_id: body.service_id ?? null,
  }),
  title: (params) => {
    const words = describeParams(params);
    return words === 'scale' ? 'Scale' : `Scale (${words.replace(/^scale /, '')})`;
  },
  describeParams,
  aimsAtService: () => true,
  riskContext: async () => ({}),
  dialogRiskContext: () => ({}),
  async resolveTarget(_db, component, params, executors) {
    // The limit is part of what the approver sees: an admin changing it in between makes the approval refuse.
    return { ...resolveService(component, params, executors), max_instances: component.maxInstances };
  },
  run: scaleService,
  dialogChoices: {
    legend: 'Scale',
    field: 'by',
    options: [
      { value: 'out', label: 'Out — one instance more (+1)', params: { by: 1 } },
      { value: 'in', label: 'In — one instance fewer (−1)', params: { by: -1 } },
    ],
  },
  describe(t: ActionTargets, params, refusal) {
    const name = t.component.name;
    const target = serviceTargetText(t);
    if (refusal === 'no_service' || !t.service) {
      return { steps: [], target, blocker: `${name} has no Render service registered (render_service_id), so there is nothing to scale.` };
    }
    if (refusal === 'no_max_instances' || t.component.maxInstances === null) {
      return { steps: [], target, blocker: `${name} has no max_instances: an admin sets how many instances a scale may ask for before the console scales it.` };
    }
    const max = t.component.maxInstances;
    const change = params.num_instances !== undefined ? `to ${plural(params.num_instances)}` : `by ${signed(params.by ?? 0)}`;
    return {
      steps: [
        t.service.kind === 'simulator'
          ? `The demo simulator reads how many instances ${t.service.serviceId} runs and scales it ${change}; its load is shared across them (CPU per instance falls).`
          : `The console reads the instance count of ${t.service.serviceId} (GET /services/${t.service.serviceId}), then asks Render for it ${change} (POST /services/${t.service.serviceId}/scale).`,
        `Never more than max_instances (${max}) nor fewer than 1: a scale that would leave that range is refused and nothing is sent.`,
        ...(t.service.kind === 'render' ? ['If autoscaling is on for the service, Render ignores a manual count; the result says so.'] : []),
      ],
      target,
      blocker: null,
    };
  },
} satisfies ActionDefinition<typeof paramsSchema>;
