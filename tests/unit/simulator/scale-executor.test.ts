/** Scaling a simulated component: the simulator executor reads and sets its instance count, which tick/backfill share the load across. */
import { describe, expect, it } from 'vitest';
import { simulatorServiceExecutor } from '@/lib/executors/simulator';
import { initSimulatorState, instancesOf } from '@/lib/simulator/state';

describe('simulated scale', () => {
  it('is refused for a component the simulator does not run', async () => {
    initSimulatorState(Date.now());
    expect(await simulatorServiceExecutor.instances('sim-nope')).toMatchObject({ success: false, num_instances: null });
    expect(await simulatorServiceExecutor.scale('sim-nope', 2)).toMatchObject({ success: false });
  });

  it('starts at one instance, and a scale changes what it reads and what it samples with', async () => {
    initSimulatorState(Date.now());
    expect(await simulatorServiceExecutor.instances('sim-search-service')).toMatchObject({ success: true, num_instances: 1, autoscaling: null });
    expect(await simulatorServiceExecutor.scale('sim-search-service', 3)).toMatchObject({ success: true, status_code: 202, message: 'Scaled to 3 instances (simulated)' });
    expect(instancesOf('search-service')).toBe(3);
    expect(await simulatorServiceExecutor.instances('sim-search-service')).toMatchObject({ num_instances: 3 });
  });
});
