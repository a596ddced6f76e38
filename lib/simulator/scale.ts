/**
 * What scaling does to a simulated component: its scenario describes one
 * instance; with n instances the same requests are shared, so CPU per instance
 * falls to 1/n and queueing latency eases (by √n: the part of latency that is
 * the work itself does not shrink). Memory per instance, errors and the total
 * request rate stay. Pure.
 */
import { finish, type Scenario, type ScenarioSample } from './scenarios';

/** A scenario without its own rate serves this many requests per second. */
export const DEFAULT_REQUEST_RATE = 120;

/** The request_rate the simulator sends for a scenario at scenario time t (shared by all instances). */
export function requestRateAt(scenario: Scenario, t: number): number {
  const rate = scenario.requestRate ?? DEFAULT_REQUEST_RATE;
  return Math.round((typeof rate === 'number' ? rate : rate(t)) * 10) / 10;
}

export function shareLoad(sample: ScenarioSample, instances: number): ScenarioSample {
  if (instances <= 1) return sample;
  return finish({ ...sample, cpu_usage: sample.cpu_usage / instances, latency_ms: sample.latency_ms / Math.sqrt(instances) });
}

/**
 * Whether the scenario's scale-in point (its owners scaling it back to one instance,
 * `scaleInAt`) falls in scenario time (from, to]: once per cycle, also when a
 * remediation jumped the scenario past it.
 */
export function scalesInBetween(scenario: Scenario, from: number, to: number): boolean {
  if (scenario.scaleInAt === undefined || !(to > from)) return false;
  const cycles = (t: number) => Math.floor((t - scenario.scaleInAt!) / scenario.cycleSeconds);
  return cycles(to) > cycles(from);
}
