/**
 * The running simulator's mutable state: when it started and how far each
 * scenario has been moved along its cycle by the console's remediations.
 * Kept on globalThis so the simulator loop and the simulator executor (called
 * from route handlers and the reconciler in the same process) share it.
 */
import { cyclePosition, DEMO_SCENARIOS, type Scenario } from './scenarios';

export interface SimulatorState {
  startedAtMs: number;
  /** Seconds each scenario has been advanced by remediations. */
  offsets: Map<string, number>;
  /** Instances each component runs once a scale changed it (1 before). */
  instances: Map<string, number>;
  /** Scenario time of each component's previous tick (for its owners' scale-in, scale.ts). */
  lastTick: Map<string, number>;
}

const globalForSim = globalThis as typeof globalThis & { __shcSimulatorState?: SimulatorState };

export function initSimulatorState(startedAtMs: number): SimulatorState {
  globalForSim.__shcSimulatorState ??= { startedAtMs, offsets: new Map(), instances: new Map(), lastTick: new Map() };
  return globalForSim.__shcSimulatorState;
}

/** The running simulator's state, or null when this process runs no simulator. */
export function simulatorState(): SimulatorState | null {
  return globalForSim.__shcSimulatorState ?? null;
}

export function simulatedScenario(component: string): Scenario | undefined {
  return DEMO_SCENARIOS.find((s) => s.component === component);
}

/** Scenario time at wall-clock `atMs`: its demo start, plus elapsed time, plus remediation jumps. */
export function scenarioTime(state: SimulatorState, scenario: Scenario, atMs: number): number {
  return scenario.demoStartSeconds + (state.offsets.get(scenario.component) ?? 0) + (atMs - state.startedAtMs) / 1000;
}

/** Moves the scenario forward to cycle position `target` (a remediation's effect). */
export function jumpTo(state: SimulatorState, scenario: Scenario, target: number, atMs: number): void {
  const position = cyclePosition(scenarioTime(state, scenario, atMs), scenario.cycleSeconds);
  const delta = cyclePosition(target - position, scenario.cycleSeconds);
  state.offsets.set(scenario.component, (state.offsets.get(scenario.component) ?? 0) + delta);
}

/** How many instances a simulated component runs (1 until a scale changes it). */
export function instancesOf(component: string): number {
  return simulatorState()?.instances.get(component) ?? 1;
}
