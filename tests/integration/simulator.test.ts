import { describe, expect, it } from 'vitest';
import { findComponentByName } from '@/db/queries/components';
import { recentConfigs } from '@/db/queries/component-history';
import { configureComponent } from '@/lib/services/component-config';
import { backfill, seedMaxInstances, tick } from '@/lib/simulator/run';
import { initSimulatorState, instancesOf, simulatorState } from '@/lib/simulator/state';
import { createRng, DEMO_SCENARIOS } from '@/lib/simulator/scenarios';
import { tableCounts, testDatabase } from '../helpers/api';


describe('the demo simulator', () => {
  it('backfills 30 minutes of samples once, then every tick is a real health check per component', async () => {
    const { db, rawQuery } = await testDatabase();
    const rng = createRng(7);
    const now = new Date();
    // The demo's clock: each scenario is at its demo starting point now.
    const clock = (scenario: (typeof DEMO_SCENARIOS)[number], at: number) => scenario.demoStartSeconds + (at - now.getTime()) / 1000;

    const backfilled = await backfill(db, now, rng, clock);
    expect(backfilled).toBe(59 * DEMO_SCENARIOS.length); // every 30 s, strictly inside the 30 minutes
    expect(await backfill(db, now, rng, clock)).toBe(0); // nothing to fill: history is current

    const before = await tableCounts();
    await tick(db, now, rng, clock);
    const after = await tableCounts();
    expect(after.health_checks - before.health_checks).toBe(DEMO_SCENARIOS.length);
    expect(after.unified_brain - before.unified_brain).toBe(DEMO_SCENARIOS.length);
    // Every simulated sample carries its request rate (the reconciler's request-load signal).
    expect(await rawQuery(`select count(*)::int as n from metric_samples where request_rate is null`)).toEqual([{ n: 0 }]);

    // The leak scenario starts 40 minutes into its cycle: backfilled history already shows the leak.
    const [leak] = await rawQuery<{ leak: boolean }>(
      `select h.leak_detected as leak from health_checks h join components c on c.id = h.component_id where c.name = 'payments-worker'`,
    );
    expect(leak!.leak).toBe(true);
  });

  it('sets max_instances once on the scenario meant to be scaled, as an admin would, and keeps what an admin changes', async () => {
    const { db } = await testDatabase();
    await seedMaxInstances(db);
    const storefront = (await findComponentByName(db, 'storefront-web'))!;
    expect(storefront.maxInstances).toBe(3);
    const [version] = await recentConfigs(db, storefront.id, 5);
    expect(version).toMatchObject({ changedBy: 'system:demo-simulator', config: { max_instances: 3 } });
    // No other scenario is scalable by the demo.
    expect((await findComponentByName(db, 'checkout-api'))?.maxInstances ?? null).toBeNull();
    // An admin clears it: a restart of the demo does not put it back.
    await configureComponent(db, 'storefront-web', { max_instances: null }, { by: 'user:admin@example.com', admin: true });
    await seedMaxInstances(db);
    expect((await findComponentByName(db, 'storefront-web'))!.maxInstances).toBeNull();
    expect(await recentConfigs(db, storefront.id, 5)).toHaveLength(2);
  });

  it('a tick past the scale-in point puts a scaled-out storefront-web back to one instance', async () => {
    const { db } = await testDatabase();
    const rng = createRng(3);
    const start = Date.now();
    initSimulatorState(start);
    const state = simulatorState()!;
    state.instances.set('storefront-web', 3);
    state.instances.set('search-service', 2);
    // Scenario time runs from 59 min into the cycle: one tick before the hour, one after it.
    const clock = (scenario: (typeof DEMO_SCENARIOS)[number], at: number) => 59 * 60 + (at - start) / 1000;
    await tick(db, new Date(start), rng, clock);
    expect(instancesOf('storefront-web')).toBe(3);
    await tick(db, new Date(start + 90_000), rng, clock);
    expect(instancesOf('storefront-web')).toBe(1);
    // A scenario without a scale-in keeps its instances.
    expect(instancesOf('search-service')).toBe(2);
  });
});
