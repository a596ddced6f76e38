import { describe, expect, it } from 'vitest';
import { assessHealth } from '@/lib/healing/assess';
import type { HealthAssessment, MetricSample } from '@/lib/healing/types';
import { createRng } from '@/lib/simulator/rng';
import { planRemediation } from '@/lib/healing/remediation-plan';
import { isHealingTrigger } from '@/lib/healing/prediction';
import { DEFAULT_HEALING_TRIGGERS } from '@/lib/healing/triggers';
import { requestRateAt, scalesInBetween, shareLoad } from '@/lib/simulator/scale';
import { DEMO_SCENARIOS, authSpikeAt, cyclePosition, edgeBurstAt, type Scenario, type ScenarioSample } from '@/lib/simulator/scenarios';

/**
 * Each scenario is driven through the real health engine, the way the console would
 * see it: one sample every `step` seconds, assessed with the chronological history and
 * the earlier scores. Runs start before the window of interest (warm-up) so the engine
 * sees what a long-running demo would — including the previous cycle.
 */
const EPOCH = Date.parse('2026-01-01T00:00:00Z');
const MIN = 60;
const SEEDS = [1, 2, 3];

interface Check {
  t: number;
  /** Minutes into the cycle. */
  m: number;
  sample: ScenarioSample;
  a: HealthAssessment;
}

function scenario(name: string): Scenario {
  const s = DEMO_SCENARIOS.find((x) => x.component === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

/** Checks for t in [from, to] (seconds, relative to a cycle start at 0). */
function drive(sc: Scenario, from: number, to: number, opts: { step?: number; seed?: number; instances?: number } = {}): Check[] {
  const step = opts.step ?? 30;
  const rng = createRng(opts.seed ?? 1);
  const history: MetricSample[] = [];
  const scores: number[] = [];
  const checks: Check[] = [];
  for (let t = from; t <= to; t += step) {
    // As the simulator sends it (lib/simulator/run.ts): the load shared by its instances, and the request rate.
    const sample = shareLoad(sc.sample(t, rng), opts.instances ?? 1);
    const ms: MetricSample = { timestamp: new Date(EPOCH + t * 1000), ...sample, request_rate: requestRateAt(sc, t) };
    history.push(ms);
    // The engine looks back at most 60 min; trimming keeps the test fast.
    while (history[0]!.timestamp.getTime() < ms.timestamp.getTime() - 61 * MIN * 1000) history.shift();
    const a = assessHealth({ sample: ms, history, previousScores: scores.slice(-10) });
    scores.push(a.health_score);
    checks.push({ t, m: cyclePosition(t, sc.cycleSeconds) / MIN, sample, a });
  }
  return checks;
}

/** One full cycle [0, cycle) after `warmup` seconds of the previous cycle. */
const steadyCycle = (sc: Scenario, seed: number, warmup = sc.cycleSeconds, step = 30, instances = 1): Check[] =>
  drive(sc, -warmup, sc.cycleSeconds - step, { seed, step, instances }).filter((c) => c.t >= 0);

const between = (checks: Check[], fromMin: number, toMin: number): Check[] => checks.filter((c) => c.m >= fromMin && c.m <= toMin);

describe('scenario catalogue', () => {
  it('has nine uniquely and validly named scenarios with 60–90 min cycles', () => {
    expect(DEMO_SCENARIOS).toHaveLength(9);
    const names = DEMO_SCENARIOS.map((s) => s.component);
    expect(new Set(names).size).toBe(9);
    for (const s of DEMO_SCENARIOS) {
      expect(s.component).toMatch(/^[a-z0-9][a-z0-9._-]{0,62}$/);
      expect(s.description.length).toBeGreaterThan(10);
      expect(s.expectation.length).toBeGreaterThan(10);
      expect(s.cycleSeconds).toBeGreaterThanOrEqual(60 * MIN);
      expect(s.cycleSeconds).toBeLessThanOrEqual(90 * MIN);
    }
  });

  it('always yields valid, rounded values across two full cycles (also for negative and huge t)', () => {
    const decimals = (v: number, d: number): boolean => Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-6;
    const problems = (v: ScenarioSample): string[] => {
      const bad: string[] = [];
      if (Object.keys(v).sort().join() !== 'cpu_usage,error_rate,latency_ms,memory_mb,memory_usage') bad.push('fields');
      if (!Object.values(v).every(Number.isFinite)) bad.push('non-finite');
      if (!(v.cpu_usage >= 0 && v.cpu_usage <= 100)) bad.push('cpu range');
      if (!(v.memory_usage >= 0 && v.memory_usage <= 100)) bad.push('memory range');
      if (!(v.error_rate >= 0 && v.error_rate <= 1)) bad.push('error range');
      if (!(v.latency_ms >= 0 && v.memory_mb >= 0)) bad.push('negative');
      if (![v.cpu_usage, v.memory_usage, v.latency_ms, v.memory_mb].every((x) => decimals(x, 2))) bad.push('2 decimals');
      if (!decimals(v.error_rate, 4)) bad.push('4 decimals');
      return bad;
    };
    // Collect, then assert once: a per-value expect over ~30k samples is slow.
    const failures: string[] = [];
    for (const s of DEMO_SCENARIOS) {
      const rng = createRng(42);
      for (const offset of [0, -s.cycleSeconds, 1_767_225_600]) {
        for (let t = offset; t < offset + 2 * s.cycleSeconds; t += 7) {
          const v = s.sample(t, rng);
          const bad = problems(v);
          if (bad.length) failures.push(`${s.component} t=${t}: ${bad.join(', ')} ${JSON.stringify(v)}`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('is deterministic: same seed → same samples, another seed → other noise', () => {
    const run = (seed: number) => {
      const rng = createRng(seed);
      return DEMO_SCENARIOS.flatMap((s) => Array.from({ length: 50 }, (_, i) => s.sample(i * 30, rng)));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('is periodic: the same rng state gives the same sample one cycle (or many) later, or before', () => {
    for (const s of DEMO_SCENARIOS) {
      for (const t of [0, 123, s.cycleSeconds / 2, s.cycleSeconds - 1]) {
        const at = (x: number) => s.sample(x, createRng(5));
        expect(at(t + s.cycleSeconds)).toEqual(at(t));
        expect(at(t + 1000 * s.cycleSeconds)).toEqual(at(t));
        expect(at(t - 3 * s.cycleSeconds)).toEqual(at(t));
      }
    }
  });

  it('createRng returns floats in [0, 1) and never reads Math.random', () => {
    const r = createRng(123);
    const xs = Array.from({ length: 1000 }, () => r());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

// Hours of samples replayed through the engine, check by check: seconds of CPU each on a loaded
// machine, so the 5-s default would fail them for load, not for what they check.
describe.each(SEEDS)('scenarios through the health engine (seed %i)', { timeout: 60_000 }, (seed) => {
  it('checkout-api: always 100, stable, low, no leak', () => {
    for (const c of steadyCycle(scenario('checkout-api'), seed)) {
      expect(c.a.health_score).toBe(100);
      expect(c.a.trend).toBe('stable');
      expect(c.a.failure_prediction.level).toBe('low');
      expect(c.a.memory_leak.leak_detected).toBe(false);
    }
  });

  it('payments-worker: leak at 30 min from a cold start; steady state leak from 60 min, critical prediction as memory nears 90%', () => {
    const sc = scenario('payments-worker');
    // Cold start (the brief's case): history begins at a restart.
    const cold = drive(sc, 0, 30 * MIN, { seed });
    expect(cold.at(-1)!.a.memory_leak.leak_detected).toBe(true);
    expect(cold.at(-1)!.a.memory_leak.metric).toBe('memory_mb');

    // Steady state at 30-s checks: the 60-min leak window still spans the OOM drop
    // until ~58 min; from then on it is a clean leak.
    const cycle = steadyCycle(sc, seed);
    for (const c of between(cycle, 60, 90)) expect(c.a.memory_leak.leak_detected).toBe(true);
    expect(between(cycle, 0, 50).every((c) => !c.a.memory_leak.leak_detected)).toBe(true);
    // Approaching 90%: the prediction is critical (well before the threshold is crossed).
    for (const c of cycle.filter((x) => x.m >= 30 && x.sample.memory_usage > 75)) {
      expect(c.a.failure_prediction.level).toBe('critical');
      expect(c.a.failure_prediction.metric).toBe('memory_usage');
    }
    // Crossing 90% before the OOM kill: critical breach, healing triggered.
    const oom = cycle.filter((c) => c.sample.memory_usage > 90);
    expect(oom.length).toBeGreaterThan(0);
    for (const c of oom) expect(c.a.healing_triggers.length).toBeGreaterThan(0);
    // After the restart memory is back down and the alert clears.
    expect(between(cycle, 5, 25).every((c) => c.sample.memory_usage < 60 && c.a.failure_prediction.level === 'low')).toBe(true);
  });

  it('payments-worker at 5-s sampling: the 120-sample leak window re-detects the leak ~10 min after the restart', () => {
    const cycle = steadyCycle(scenario('payments-worker'), seed, 70 * MIN, 5);
    expect(between(cycle, 0, 8).every((c) => !c.a.memory_leak.leak_detected)).toBe(true);
    expect(between(cycle, 11, 90).every((c) => c.a.memory_leak.leak_detected)).toBe(true);
    // Before memory_usage's own 30-min trend clears the restart, the leak's growth is what
    // projects it: ~1.2 h to 90% right after detection (high), under an hour from ~24 min.
    // A detected leak never reads "Normal operation".
    expect(between(cycle, 11, 21).every((c) => c.a.failure_prediction.level === 'high' && c.a.failure_prediction.metric === 'memory_usage')).toBe(true);
    const notCritical = between(cycle, 26, 90).filter((c) => c.a.failure_prediction.level !== 'critical');
    expect(notCritical.map((c) => `${c.m.toFixed(1)} min: ${c.a.failure_prediction.reasons[0]}`)).toEqual([]);
    expect(between(cycle, 11, 90).every((c) => c.a.failure_prediction.level !== 'low')).toBe(true);
  });

  it('search-service: prediction low early, high mid-ramp, critical before cpu crosses 90, low again after the restart', () => {
    const cycle = steadyCycle(scenario('search-service'), seed);
    expect(between(cycle, 5, 15).every((c) => c.a.failure_prediction.level === 'low')).toBe(true);
    const firstCritical = cycle.findIndex((c) => c.a.failure_prediction.level === 'critical');
    const firstCpuCritical = cycle.findIndex((c) => c.sample.cpu_usage > 90);
    expect(firstCritical).toBeGreaterThan(0);
    expect(firstCpuCritical).toBeGreaterThan(firstCritical);
    // At least 10 minutes of warning before the breach.
    expect(cycle[firstCpuCritical]!.m - cycle[firstCritical]!.m).toBeGreaterThanOrEqual(10);
    const before = cycle.slice(0, firstCritical).map((c) => c.a.failure_prediction.level);
    expect(before).toContain('high');
    expect(cycle[firstCritical]!.a.failure_prediction.metric).toBe('cpu_usage');
    expect(cycle[firstCritical]!.sample.cpu_usage).toBeLessThan(75);
    // cpu critical → healing trigger; the restart at 52 min brings everything back.
    expect(cycle[firstCpuCritical]!.a.healing_triggers.length).toBeGreaterThan(0);
    expect(between(cycle, 57, 60).every((c) => c.a.health_score === 100 && c.a.failure_prediction.level === 'low')).toBe(true);
  });

  it('auth-gateway: 100 between spikes; warning for the 8% spike, critical for 13%/15%', () => {
    const sc = scenario('auth-gateway');
    const cycle = steadyCycle(sc, seed);
    for (const c of cycle) {
      const spike = authSpikeAt(cyclePosition(c.t, sc.cycleSeconds));
      if (!spike) {
        expect(c.a.health_score).toBe(100);
        expect(c.a.failure_prediction.level).toBe('low');
      } else if (spike.peak > 0.1) {
        expect(c.a.breaches.find((b) => b.metric === 'error_rate')?.level).toBe('critical');
        expect(c.a.failure_prediction.level).toBe('critical');
      } else {
        expect(c.a.breaches.find((b) => b.metric === 'error_rate')?.level).toBe('warning');
        expect(c.a.health_score).toBe(87.5);
      }
    }
  });

  it('edge-proxy: latency warnings only during bursts, prediction always low, trend mostly stable', () => {
    const sc = scenario('edge-proxy');
    const cycle = steadyCycle(sc, seed);
    for (const c of cycle) {
      const burst = edgeBurstAt(cyclePosition(c.t, sc.cycleSeconds));
      expect(c.a.health_score).toBe(burst ? 87.5 : 100);
      expect(c.a.failure_prediction.level).toBe('low');
    }
    const stable = cycle.filter((c) => c.a.trend === 'stable').length / cycle.length;
    expect(stable).toBeGreaterThan(0.65);
  });

  it('inventory-sync: 50 at the fix, improving throughout recovery, then healthy and stable', () => {
    const cycle = steadyCycle(scenario('inventory-sync'), seed);
    expect(cycle[0]!.a.health_score).toBe(50);
    expect(cycle[0]!.a.healing_triggers.length).toBeGreaterThan(0);
    for (const c of between(cycle, 3, 13)) expect(c.a.trend).toBe('improving');
    // Recovery is never mistaken for an approaching failure.
    for (const c of between(cycle, 0, 56)) expect(c.a.failure_prediction.level).toBe('low');
    for (const c of between(cycle, 11, 56)) expect(c.a.health_score).toBe(100);
    for (const c of between(cycle, 16, 56)) expect(c.a.trend).toBe('stable');
  });

  it('notification-service: the GC sawtooth is never a leak (30-s and 5-s sampling, after a 30-min backfill)', () => {
    const sc = scenario('notification-service');
    for (const step of [30, 5]) {
      for (const c of steadyCycle(sc, seed, 30 * MIN, step)) {
        expect(c.a.memory_leak.leak_detected).toBe(false);
        expect(c.a.health_score).toBe(100);
        expect(c.a.failure_prediction.level).toBe('low');
      }
    }
    // It does saw-tooth: ~300 MB between trough and peak.
    const mb = steadyCycle(sc, seed, 30 * MIN).map((c) => c.sample.memory_mb);
    expect(Math.max(...mb) - Math.min(...mb)).toBeGreaterThan(250);
  });

  it('report-builder: busy/idle phases, always healthy, stable and low', () => {
    const cycle = steadyCycle(scenario('report-builder'), seed, 30 * MIN);
    for (const c of cycle) {
      expect(c.a.health_score).toBe(100);
      expect(c.a.trend).toBe('stable');
      expect(c.a.failure_prediction.level).toBe('low');
      expect(c.a.memory_leak.leak_detected).toBe(false);
    }
    const busy = cycle.filter((c) => c.m % 10 < 5);
    const idle = cycle.filter((c) => c.m % 10 >= 5);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(busy.map((c) => c.sample.cpu_usage))).toBeGreaterThan(55);
    expect(mean(idle.map((c) => c.sample.cpu_usage))).toBeLessThan(25);
    expect(mean(busy.map((c) => c.sample.latency_ms))).toBeGreaterThan(mean(idle.map((c) => c.sample.latency_ms)) + 200);
  });

  it.each([30, 5])('storefront-web at %i-s sampling: the surge is load — forecast, then proposed as a scale-out ahead of the breach; two instances hold the peak', (step) => {
    const sc = scenario('storefront-web');
    const caps = { cleanupHook: false, renderServiceId: null, stateRollback: false, restartable: true, scalable: true };
    // What the reconciler would propose from this check's report (the report carries the sample's metrics).
    const plan = (c: Check) => planRemediation({ ...c.a, metrics: c.sample }, DEFAULT_HEALING_TRIGGERS, caps);
    const cycle = steadyCycle(sc, seed, sc.cycleSeconds, step);
    // Calm until the sale: nothing forecast, nothing proposed.
    for (const c of between(cycle, 0, 24)) {
      expect(c.a.failure_prediction.level).toBe('low');
      expect(plan(c)).toBeNull();
    }
    // On one instance the load takes cpu over its trigger.
    const breach = cycle.find((c) => c.sample.cpu_usage > DEFAULT_HEALING_TRIGGERS.cpu_usage);
    expect(breach).toBeDefined();
    // Before that, the CPU ramp's forecast persists while the load rises: the plan is a scale, never a restart.
    const first = cycle.find((c) => plan(c) !== null)!;
    expect(isHealingTrigger(first.a.failure_prediction)).toBe(true);
    expect(first.a.failure_prediction.metric).toBe('cpu_usage');
    expect(first.a.request_load.rising).toBe(true);
    expect(plan(first)).toMatchObject({ action: 'scale', params: { by: 1 } });
    expect(breach!.t - first.t).toBeGreaterThanOrEqual(5 * MIN);
    for (const c of cycle) expect(plan(c)?.action ?? 'scale').toBe('scale');
    // The requests and memory come and go with no leak.
    expect(cycle.every((c) => !c.a.memory_leak.leak_detected)).toBe(true);
    // Two instances share it: no metric comes near its trigger (a forecast may still ask for a third
    // while the load climbs: the engine cannot know the sale ends at 480 req/s).
    const two = steadyCycle(sc, seed, sc.cycleSeconds, step, 2);
    expect(Math.max(...two.map((c) => c.sample.cpu_usage))).toBeLessThan(60);
    expect(Math.max(...two.map((c) => c.sample.latency_ms))).toBeLessThan(DEFAULT_HEALING_TRIGGERS.latency_ms / 2);
    expect(two.every((c) => c.a.breaches.every((b) => b.level !== 'critical'))).toBe(true);
  });
});

describe('scale-in by the service owners', () => {
  const sc = scenario('storefront-web');
  it('happens once per cycle at scaleInAt, also when a remediation jumped past it', () => {
    expect(sc.scaleInAt).toBe(0);
    expect(scalesInBetween(sc, 3590, 3610)).toBe(true);
    expect(scalesInBetween(sc, 10, 20)).toBe(false);
    expect(scalesInBetween(sc, 3600, 3630)).toBe(false); // reached exactly at the previous tick: already done
    expect(scalesInBetween(sc, 100, 100 + 2 * 3600)).toBe(true);
    expect(scalesInBetween(sc, 20, 10)).toBe(false);
    expect(scalesInBetween(scenario('report-builder'), 3590, 3610)).toBe(false); // no scaleInAt
  });
});
