/**
 * Hand-written executors (lib/executors/types.ts) for tests that must not reach
 * Render or a cleanup hook, and the registries that hand them out
 * (lib/remediation/types.ts). One place, so a change to the executor interface
 * is made once rather than in every test that stands in for one.
 * counting-render.ts is the Render stand-in that records every kind of call.
 */
import type { Component } from '@/db/schema';
import type { CallOutcome, CleanupExecutor, ServiceExecutor } from '@/lib/executors/types';
import type { ExecutorRegistry } from '@/lib/remediation/types';

/** A call the stand-in does not support: nothing sent, as an executor answers when it cannot act. */
const notSent: CallOutcome = { success: false, status_code: null, message: 'n/a', attempts: 0 };

/**
 * A service executor whose restart succeeds (told to `onRestart` first, which may
 * hold it, e.g. to crash a lease mid-call); rollback, instances and scale send nothing.
 */
export function restartingService(
  options: { kind?: ServiceExecutor['kind']; onRestart?: (serviceId: string) => void | Promise<void>; message?: string } = {},
): ServiceExecutor {
  return {
    kind: options.kind ?? 'simulator',
    async restart(serviceId) {
      await options.onRestart?.(serviceId);
      return { success: true, status_code: 200, message: options.message ?? 'ok', attempts: 1 };
    },
    rollbackDeployment: async () => ({ ...notSent, from_deploy: null, to_deploy: null, auto_deploy_disabled: false }),
    instances: async () => ({ ...notSent, num_instances: null, autoscaling: null }),
    scale: async () => notSent,
  };
}

/** Every call throws `why`: for a test in which nothing may run (an approval must wait, the overview only asks). */
export function refusingService(why: string, kind: ServiceExecutor['kind'] = 'simulator'): ServiceExecutor {
  const refuse = async (): Promise<never> => {
    throw new Error(why);
  };
  return { kind, restart: refuse, rollbackDeployment: refuse, instances: refuse, scale: refuse };
}

/** A cleanup hook whose every call throws `why`. */
export function refusingCleanup(why: string): CleanupExecutor {
  return {
    cleanup: async () => {
      throw new Error(why);
    },
  };
}

/** Every component's service is `srv-<name>` (or `idOf`'s) on `executor`. */
export function servicesByName(executor: ServiceExecutor, idOf: (component: Component) => string = (c) => `srv-${c.name}`): ExecutorRegistry['service'] {
  return (component) => ({ executor, serviceId: idOf(component) });
}

/** As production resolves it: the requested service, else the component's registered one, else none. */
export function registeredServices(executor: ServiceExecutor): ExecutorRegistry['service'] {
  return (component, requested) => {
    const serviceId = requested ?? component.renderServiceId;
    return serviceId ? { executor, serviceId } : null;
  };
}

/** A registry with `service`; no cleanup hook and no re-appliable state unless `overrides` give them. */
export function fakeRegistry(service: ExecutorRegistry['service'], overrides: Partial<Omit<ExecutorRegistry, 'service'>> = {}): ExecutorRegistry {
  return { service, cleanup: () => null, applyState: () => null, ...overrides };
}
