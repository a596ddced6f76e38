import { describe, expect, it } from 'vitest';
import { backfill, tick } from '@/lib/simulator/run';
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
});
