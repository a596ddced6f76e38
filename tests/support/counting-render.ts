/**
 * A Render stand-in that records what it was asked to do ("runs once" is about
 * these calls) and always succeeds, answering as lib/executors/render.ts does.
 */
import type { CallOutcome, ServiceExecutor } from '@/lib/executors/types';

export function countingRender(): { calls: string[]; render: ServiceExecutor } {
  const calls: string[] = [];
  const counts = new Map<string, number>();
  const ok = (message: string): CallOutcome => ({ success: true, status_code: 200, message, attempts: 1 });
  const render: ServiceExecutor = {
    kind: 'render',
    async restart(serviceId) {
      calls.push(`restart ${serviceId}`);
      return ok('Service restart initiated');
    },
    async rollbackDeployment(serviceId) {
      calls.push(`rollback ${serviceId}`);
      return { ...ok('Rolled back'), from_deploy: { id: 'dep-2' }, to_deploy: { id: 'dep-1' }, auto_deploy_disabled: true };
    },
    // Every service runs 2 instances until a scale changes it.
    async instances(serviceId) {
      calls.push(`instances ${serviceId}`);
      return { ...ok('Service read'), num_instances: counts.get(serviceId) ?? 2, autoscaling: null };
    },
    async scale(serviceId, numInstances) {
      calls.push(`scale ${serviceId} to ${numInstances}`);
      counts.set(serviceId, numInstances);
      return { ...ok(`Scale to ${numInstances} instances accepted`), status_code: 202 };
    },
  };
  return { calls, render };
}
