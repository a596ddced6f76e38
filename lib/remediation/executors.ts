/**
 * Which executor acts on which component:
 *   - components the running demo simulator owns → the simulator executor;
 *   - `console` (this process) → in-process cleanup; it cannot restart itself;
 *   - everything else → Render's API for restart/rollback, its HTTP hook for cleanup.
 */
import type { Component } from '@/db/schema';
import { createCleanupHookExecutor } from '@/lib/executors/cleanup-hook';
import { CONSOLE_COMPONENT, consoleCleanupExecutor } from '@/lib/executors/console-process';
import { renderExecutorFromEnv } from '@/lib/executors/render';
import {
  applySimulatedState,
  simulatedServiceId,
  simulatorCleanupExecutor,
  simulatorServiceExecutor,
} from '@/lib/executors/simulator';
import { simulatedScenario, simulatorState } from '@/lib/simulator/state';
import type { ExecutorRegistry } from './types';

const isSimulated = (component: Component) => simulatorState() !== null && simulatedScenario(component.name) !== undefined;

export function defaultExecutors(env: Record<string, string | undefined> = process.env): ExecutorRegistry {
  const render = renderExecutorFromEnv(env);
  const hook = createCleanupHookExecutor();
  return {
    service(component, requestedServiceId) {
      if (isSimulated(component)) return { executor: simulatorServiceExecutor, serviceId: simulatedServiceId(component.name) };
      const serviceId = requestedServiceId ?? component.renderServiceId;
      return serviceId ? { executor: render, serviceId } : null;
    },
    cleanup(component) {
      // Without --expose-gc the console has nothing to clean with; say so by having no hook (a restart is proposed).
      if (component.name === CONSOLE_COMPONENT) {
        return typeof globalThis.gc === 'function' ? { executor: consoleCleanupExecutor, url: 'in-process', secret: null } : null;
      }
      if (isSimulated(component)) return { executor: simulatorCleanupExecutor, url: 'simulator', secret: null };
      return component.cleanupUrl ? { executor: hook, url: component.cleanupUrl, secret: component.hookSecret } : null;
    },
    applyState(component) {
      return isSimulated(component) ? applySimulatedState(component.name) : null;
    },
  };
}
