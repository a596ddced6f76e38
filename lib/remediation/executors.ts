/**
 * Which executor acts on which component:
 *   - components the running demo simulator owns → the simulator executor;
 *   - `console` (this process) → in-process cleanup; it cannot restart itself;
 *   - everything else → Render's API for restart/rollback, its HTTP hook for cleanup.
 *
 * A recorded state (`previous_state` rollback) is re-applied by the simulator
 * for its components, and by Render for a Render service when the state names a
 * deploy of that service (`deploy_id`, as deployment rollbacks record it): Render
 * rolls back to that deploy, then auto-deploy is turned off. Nothing else can
 * apply a recorded state (see stateApplyRefusal).
 */
import 'server-only';
import { getDb } from '@/db/client';
import type { Component } from '@/db/schema';
import { createCleanupHookExecutor } from '@/lib/executors/cleanup-hook';
import { CONSOLE_COMPONENT, consoleCleanupExecutor } from '@/lib/executors/console-process';
import type { Env } from '@/lib/env';
import { renderExecutorFromEnv } from '@/lib/executors/render';
import {
  applySimulatedState,
  simulatedServiceId,
  simulatorCleanupExecutor,
  simulatorServiceExecutor,
} from '@/lib/executors/simulator';
import { currentHookRanges } from '@/lib/services/hook-addresses';
import { simulatedScenario, simulatorState } from '@/lib/simulator/state';
import type { ExecutorRegistry, StateApplier } from './types';

const isSimulated = (component: Component) => simulatorState() !== null && simulatedScenario(component.name) !== undefined;

export function defaultExecutors(renderSettings: Env['render']): ExecutorRegistry {
  const render = renderExecutorFromEnv(renderSettings);
  // The admin's allowed internal ranges, read at every call so a change applies at once.
  const hook = createCleanupHookExecutor({ allowedRanges: async () => (await currentHookRanges(await getDb())).ranges });
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
    applyState(component, state): StateApplier | null {
      if (isSimulated(component)) return { kind: 'simulator', apply: () => applySimulatedState(component.name) };
      const serviceId = component.renderServiceId;
      if (!serviceId || stateApplyRefusal(component, state) !== null || !render.rollbackTo) return null;
      const deployId = state.deploy_id as string;
      const rollbackTo = render.rollbackTo.bind(render);
      return { kind: 'render', serviceId, apply: () => rollbackTo(serviceId, deployId) };
    },
  };
}

/**
 * Why Render could not re-apply this recorded state of a (non-simulated)
 * component, in words for a 409; null when it can.
 */
export function stateApplyRefusal(component: Component, state: Record<string, unknown>): string | null {
  const serviceId = component.renderServiceId;
  if (!serviceId) {
    return `${component.name} has no render_service_id, and nothing else can re-apply a recorded state`;
  }
  if (typeof state.deploy_id !== 'string' || !state.deploy_id) {
    return `the previous recorded state of ${component.name} names no Render deploy (deploy_id), so nothing can re-apply it; use rollback_type "deployment"`;
  }
  if (typeof state.service_id === 'string' && state.service_id !== serviceId) {
    return `the previous recorded state of ${component.name} is a deploy of ${state.service_id}, not of its service ${serviceId}; use rollback_type "deployment"`;
  }
  return null;
}
