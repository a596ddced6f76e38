/** restart_service_via_render: restart the component's Render (or simulated) service. */
import 'server-only';
import { z } from 'zod';
import { REMEDIATION_BRAIN_ACTIONS } from '@/lib/healing/vocabulary';
import { serviceIdSchema } from '@/lib/validation/remediation';
import type { ActionDefinition } from './definition';
import { reported } from './outcome';
import { noServiceError, resolveService, serviceIdFor, serviceTargetText } from './service';

const paramsSchema = z.strictObject({ service_id: serviceIdSchema.optional() });

export const restart = {
  name: 'restart',
  label: 'Restart',
  verb: 'Restart',
  confirmNow: 'Restart now',
  noun: 'restart',
  brainAction: REMEDIATION_BRAIN_ACTIONS.restart,
  activityFields: ['service_id', 'status_code', 'message', 'error', 'remediation_id'],
  disruptive: true,
  needs: () => ({ service: true, hook: false, history: false }),
  route: 'restart',
  apiDescription: "restart_service_via_render: restarts the component's Render service (`service_id`, else its `render_service_id`).",
  paramsSchema,
  browserParamsSchema: paramsSchema.omit({ service_id: true }),
  bodyRequired: false,
  requestedAs: () => 'restart',
  toParams: (body) => ({ service_id: body.service_id ?? null }),
  title: () => 'Restart',
  describeParams: () => 'restart',
  aimsAtService: () => true,
  riskContext: async () => ({}),
  dialogRiskContext: () => ({}),
  resolveTarget: async (_db, component, params, executors) => resolveService(component, params, executors),

  async run({ component, params, executors, target: bound }) {
    const target = executors.service(component, serviceIdFor(params, bound));
    if (!target) {
      const error = noServiceError(component);
      return { success: false, error, result: { success: false, service_id: null, component: component.name, status_code: null, message: error } };
    }
    const outcome = await target.executor.restart(target.serviceId);
    return reported(outcome, { service_id: target.serviceId, component: component.name, attempts: outcome.attempts, executor: target.executor.kind });
  },

  dialogChoices: { legend: '', field: '', options: [{ value: 'restart', label: 'Restart', params: {} }] },
  describe(t, _params, refusal) {
    const name = t.component.name;
    const target = serviceTargetText(t);
    if (refusal || !t.service) {
      return { steps: [], target, blocker: `${name} has no Render service registered (render_service_id), so there is nothing to restart.` };
    }
    return {
      steps: [
        t.service.kind === 'simulator'
          ? `The demo simulator restarts ${t.service.serviceId}; ${name}’s next samples come from the restarted service.`
          : `The console calls Render: POST /services/${t.service.serviceId}/restart (retried on 429 and 5xx).`,
      ],
      target,
      blocker: null,
    };
  },
} satisfies ActionDefinition<typeof paramsSchema>;
