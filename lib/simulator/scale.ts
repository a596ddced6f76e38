/**
 * What scaling does to a simulated component: its scenario describes one
 * instance; with n instances the same requests are shared, so CPU per instance
 * falls to 1/n and queueing latency eases (by √n: the part of latency that is
 * the work itself does not shrink). Memory per instance, errors and the total
 * request rate stay. Pure.
 */
import { finish, type ScenarioSample } from './scenarios';

export function shareLoad(sample: ScenarioSample, instances: number): ScenarioSample {
  if (instances <= 1) return sample;
  return finish({ ...sample, cpu_usage: sample.cpu_usage / instances, latency_ms: sample.latency_ms / Math.sqrt(instances) });
}
