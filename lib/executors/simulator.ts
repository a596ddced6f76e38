/**
 * Executor for the demo's simulated components: restarts, rollbacks and
 * cleanups really change what the simulator emits next (each scenario's
 * `remedies` say how), so the demo heals end to end. Only used for components
 * the running simulator owns (lib/remediation/executors.ts decides).
 */
import 'server-only';
import type { Scenario } from '@/lib/simulator/scenarios';
import { instancesOf, jumpTo, scenarioTime, simulatedScenario, simulatorState } from '@/lib/simulator/state';
import type { CallOutcome, CleanupExecutor, CleanupOutcome, DeploymentRollbackOutcome, InstancesOutcome, ServiceExecutor } from './types';

type Remedy = keyof NonNullable<Scenario['remedies']>;

/** Neutral noise: the simulator's view of a metric without jitter. */
const noNoise = () => 0.5;

function apply(component: string, remedy: Remedy, done: string): CallOutcome {
  const state = simulatorState();
  const scenario = simulatedScenario(component);
  if (!state || !scenario) {
    return { success: false, status_code: null, message: `${component} is not simulated here`, attempts: 0, error: `${component} is not simulated here` };
  }
  const target = scenario.remedies?.[remedy];
  if (target !== undefined) jumpTo(state, scenario, target, Date.now());
  const effect = target === undefined ? `; the simulated ${component} behaves as before` : '';
  return { success: true, status_code: 200, message: `${done}${effect}`, attempts: 1 };
}

/** The simulated service id of a component (what restart results show). */
export const simulatedServiceId = (component: string) => `sim-${component}`;
const componentOf = (serviceId: string) => serviceId.replace(/^sim-/, '');

export const simulatorServiceExecutor: ServiceExecutor = {
  kind: 'simulator',
  restart: async (serviceId) => apply(componentOf(serviceId), 'restart', 'Service restart initiated (simulated)'),
  instances: simulatedInstances,
  scale: simulatedScale,
  async rollbackDeployment(serviceId): Promise<DeploymentRollbackOutcome> {
    const outcome = apply(componentOf(serviceId), 'rollback', 'Rolled back to the previous deploy (simulated)');
    return {
      ...outcome,
      from_deploy: outcome.success ? { id: `${serviceId}-live` } : null,
      to_deploy: outcome.success ? { id: `${serviceId}-previous` } : null,
      auto_deploy_disabled: outcome.success,
    };
  },
};

function notSimulated(component: string): CallOutcome {
  return { success: false, status_code: null, message: `${component} is not simulated here`, attempts: 0, error: `${component} is not simulated here` };
}

/** Scaling: the simulator shares the component's load across its instances (lib/simulator/scale.ts). */
async function simulatedInstances(serviceId: string): Promise<InstancesOutcome> {
  const component = componentOf(serviceId);
  if (!simulatorState() || !simulatedScenario(component)) return { ...notSimulated(component), num_instances: null, autoscaling: null };
  return { success: true, status_code: 200, message: 'Service read (simulated)', attempts: 1, num_instances: instancesOf(component), autoscaling: null };
}

async function simulatedScale(serviceId: string, numInstances: number): Promise<CallOutcome> {
  const component = componentOf(serviceId);
  const state = simulatorState();
  if (!state || !simulatedScenario(component)) return notSimulated(component);
  state.instances.set(component, numInstances);
  return { success: true, status_code: 202, message: `Scaled to ${numInstances} instance${numInstances === 1 ? '' : 's'} (simulated)`, attempts: 1 };
}

/** `previous_state` rollback of a simulated component: the release before is back. */
export async function applySimulatedState(component: string): Promise<CallOutcome> {
  return apply(component, 'rollback', 'Previous state restored (simulated)');
}

export const simulatorCleanupExecutor: CleanupExecutor = {
  async cleanup({ component }): Promise<CleanupOutcome> {
    const state = simulatorState();
    const scenario = simulatedScenario(component);
    const memoryAt = (atMs: number) =>
      state && scenario ? scenario.sample(scenarioTime(state, scenario, atMs), noNoise).memory_mb : null;
    const now = Date.now();
    const before = memoryAt(now);
    const outcome = apply(component, 'memory_cleanup', 'Cleanup hook ran (simulated)');
    const after = memoryAt(now);
    const freed = before !== null && after !== null ? Math.max(0, Math.round((before - after) * 10) / 10) : null;
    return {
      ...outcome,
      memory_freed_mb: outcome.success ? freed : null,
      // A simulated heap: roughly 40 objects per freed kilobyte.
      objects_collected: outcome.success && freed !== null ? Math.round(freed * 1024 * 40) : null,
      current_memory_mb: outcome.success ? after : null,
    };
  },
};
