/**
 * The demo's built-in load: every tick each simulated component sends one
 * sample through the same health-check path the API uses. On start it
 * backfills up to 30 minutes of samples (no checks) so predictions and leak
 * detection have history from the first minute.
 */
import type { Db } from '@/db/client';
import { recentConfigs, recentStates, recordComponentState } from '@/db/queries/component-history';
import { registerComponent } from '@/lib/services/component-registry';
import { latestSampleTime } from '@/db/queries/metrics';
import { healingTriggers } from '@/lib/config';
import { log } from '@/lib/log';
import { runHealthCheck } from '@/lib/services/health-check';
import { storeBatch } from '@/lib/services/ingest';
import { createRng, DEMO_SCENARIOS, type Scenario } from './scenarios';
import { configureComponent } from '@/lib/services/component-config';
import { requestRateAt, scalesInBetween, shareLoad } from './scale';
import { initSimulatorState, instancesOf, scenarioTime, simulatorState, type SimulatorState } from './state';

const BACKFILL_MINUTES = 30;
const BACKFILL_STEP_SECONDS = 30;

/** Scenario time: its demo starting point plus the seconds since the simulator started. */
type Clock = (scenario: Scenario, at: number) => number;

/** The clock of the running simulator: remediations (lib/executors/simulator.ts) move it along. */
function demoClock(startedAtMs: number): Clock {
  const state = initSimulatorState(startedAtMs);
  return (scenario, at) => scenarioTime(state, scenario, at);
}

const globalForSim = globalThis as typeof globalThis & { __shcSimulatorStarted?: boolean };

export async function backfill(db: Db, now: Date, rng: () => number, clock: Clock): Promise<number> {
  // Only the simulated components: the console's own health samples start at once and must not cancel the backfill.
  const latest = await latestSampleTime(db, DEMO_SCENARIOS.map((s) => s.component));
  const from = Math.max(now.getTime() - BACKFILL_MINUTES * 60_000, latest ? latest.getTime() : 0);
  const samples = [];
  for (let at = from + BACKFILL_STEP_SECONDS * 1000; at < now.getTime(); at += BACKFILL_STEP_SECONDS * 1000) {
    for (const scenario of DEMO_SCENARIOS) {
      const t = clock(scenario, at);
      const sample = shareLoad(scenario.sample(t, rng), instancesOf(scenario.component));
      samples.push({ component: scenario.component, timestamp: new Date(at), ...sample, request_rate: requestRateAt(scenario, t) });
    }
  }
  return samples.length > 0 ? storeBatch(db, samples, now) : 0;
}

/** Its owners scale a scenario back to one instance once per cycle (Scenario.scaleInAt). */
function scaleInIfDue(state: SimulatorState, scenario: Scenario, t: number): void {
  const previous = state.lastTick.get(scenario.component);
  state.lastTick.set(scenario.component, t);
  if (previous === undefined || !scalesInBetween(scenario, previous, t) || instancesOf(scenario.component) <= 1) return;
  state.instances.delete(scenario.component);
  log.info('simulated scale-in by the service owners', { component: scenario.component, instances: 1 });
}

export async function tick(db: Db, now: Date, rng: () => number, clock: Clock): Promise<void> {
  const state = simulatorState();
  for (const scenario of DEMO_SCENARIOS) {
    const t = clock(scenario, now.getTime());
    if (state) scaleInIfDue(state, scenario, t);
    const sample = shareLoad(scenario.sample(t, rng), instancesOf(scenario.component));
    await runHealthCheck(db, scenario.component, { ...sample, request_rate: requestRateAt(scenario, t), timestamp: now }, {
      triggers: healingTriggers(),
    });
  }
}

/** Gives scenarios with a release history their recorded states (once), so `previous_state` rollbacks work. */
export async function seedStates(db: Db): Promise<void> {
  for (const scenario of DEMO_SCENARIOS) {
    if (!scenario.states) continue;
    const { component } = await registerComponent(db, scenario.component);
    if ((await recentStates(db, component.id, 1)).length > 0) continue;
    for (const state of scenario.states) await recordComponentState(db, component.id, state, 'deploy');
  }
}

/**
 * Sets max_instances on scenarios that are meant to be scaled, as an admin would (in the
 * config history as `system:demo-simulator`), once: a component with any recorded config
 * keeps it, so an admin's later change, clearing it included, survives restarts.
 */
export async function seedMaxInstances(db: Db): Promise<void> {
  for (const scenario of DEMO_SCENARIOS) {
    if (scenario.maxInstances === undefined) continue;
    const { component } = await registerComponent(db, scenario.component);
    if ((await recentConfigs(db, component.id, 1)).length > 0) continue;
    await configureComponent(db, scenario.component, { max_instances: scenario.maxInstances }, { by: 'system:demo-simulator', admin: true });
  }
}

export function startSimulator(db: Db, options: { intervalMs: number; seed?: number }): void {
  if (globalForSim.__shcSimulatorStarted) return; // dev-mode reloads must not start a second one
  globalForSim.__shcSimulatorStarted = true;
  const rng = createRng(options.seed ?? Date.now() % 2 ** 31);
  const clock = demoClock(Date.now());
  let busy = false;
  const run = async () => {
    if (busy) return; // a slow tick is skipped, never stacked
    busy = true;
    try {
      await tick(db, new Date(), rng, clock);
    } catch (error) {
      log.error('simulator tick failed', { error });
    } finally {
      busy = false;
    }
  };
  seedStates(db)
    .then(() => seedMaxInstances(db))
    .then(() => backfill(db, new Date(), rng, clock))
    .then((n) => log.info('demo simulator started', { components: DEMO_SCENARIOS.length, backfilled: n, interval_ms: options.intervalMs }))
    .catch((error: unknown) => log.error('simulator backfill failed', { error }))
    .finally(() => {
      void run();
      setInterval(run, options.intervalMs).unref();
    });
}
