/**
 * The labelled set of the backtest: seeded synthetic component series, one scenario
 * family each. Labels are NOT declared here: the truth (when a metric really crossed
 * its critical threshold) is computed by truth.ts from each series' own future.
 *
 * Every series is a full MetricSample stream (the four metrics; the one a family moves
 * is cpu_usage or memory_usage, the others sit at healthy levels with a little noise),
 * sampled at a fixed step with Gaussian measurement noise, so the replay feeds the
 * engine exactly what ingest would store.
 */
import { createRng } from '../../lib/simulator/rng';
import type { MetricSample } from '../../lib/healing/types';

export const FAMILIES = [
  'slow-ramp', 'fast-ramp', 'step-stays', 'hourly-spikes', 'irregular-spikes', 'batch-job',
  'noise', 'leak', 'gc-sawtooth', 'recovery', 'gaps',
] as const;
export type Family = (typeof FAMILIES)[number];
/** Families whose events start at a fixed phase of the clock (the same minute every hour, 02:00 every night). */
export const PERIODIC_FAMILIES: readonly Family[] = ['hourly-spikes', 'batch-job'];

export interface LabelledSeries {
  id: string;
  family: Family;
  stepSeconds: number;
  samples: MetricSample[];
  /**
   * Per sample: no event under way (the moving metric at its calm base, between a family's
   * events). Never seen by the engine or the truth; only the onset-blind bound (evaluate.ts) reads it.
   */
  calm: boolean[];
}

type Rng = () => number;
const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Midnight UTC; batch jobs and hourly spikes are placed on the wall clock from here. */
const START = Date.parse('2025-03-03T00:00:00.000Z');

const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The moving metric's noise-free value at second t; `null` keeps its healthy base. */
type Shape = (t: number) => number;

interface Plan {
  metric: 'cpu_usage' | 'memory_usage';
  shape: Shape;
  noise: number;
  /** [from, to) seconds with no samples (collector outages). */
  gaps?: [number, number][];
  /** The events of an event-driven family (its calm base lies between them). */
  segments?: Segment[];
}

/** Piecewise segments laid end to end: each returns the value `dt` seconds into it. */
interface Segment {
  from: number;
  to: number;
  value: (dt: number) => number;
}
function piecewise(segments: Segment[], base: number): Shape {
  return (t) => {
    const s = segments.find((seg) => t >= seg.from && t < seg.to);
    return s ? s.value(t - s.from) : base;
  };
}

/** A triangle-ish spike: rises over `rise` seconds to `peak`, falls back over `fall`. */
function spike(at: number, rise: number, fall: number, base: number, peak: number): Segment {
  return {
    from: at,
    to: at + rise + fall,
    value: (dt) => (dt < rise ? base + ((peak - base) * dt) / rise : peak - ((peak - base) * (dt - rise)) / fall),
  };
}

function plan(family: Family, rng: Rng, days: number): Plan {
  const end = days * DAY;
  const cpuBase = uniform(rng, 25, 45);
  const segments: Segment[] = [];
  switch (family) {
    case 'slow-ramp': {
      // A drift every 8–16 h at 0.03–0.15 %/min; half go on through critical and are fixed
      // 45 min later, half level off below it (most slow drifts in production do).
      for (let t = uniform(rng, 2, 6) * HOUR; t < end; ) {
        const rate = uniform(rng, 0.03, 0.15) / MIN;
        const through = rng() < 0.5;
        const top = through ? 95 : uniform(rng, 60, 86);
        const rampEnd = (top - cpuBase) / rate;
        const hold = through ? 45 * MIN : uniform(rng, 2, 4) * HOUR;
        segments.push({ from: t, to: t + rampEnd + hold, value: (dt) => Math.min(top, cpuBase + rate * dt) });
        t += rampEnd + hold + uniform(rng, 8, 16) * HOUR;
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
    case 'fast-ramp':
    case 'gaps': {
      // A runaway every 4–10 h at 0.8–3 %/min up to 96 %, fixed after 20 min; the gap
      // family adds collector outages (30–180 min, ~6 a day) and slower drifts.
      const gaps: [number, number][] = [];
      for (let t = uniform(rng, 1, 4) * HOUR; t < end; ) {
        const rate = (family === 'gaps' ? uniform(rng, 0.1, 1.5) : uniform(rng, 0.8, 3)) / MIN;
        const rampEnd = (96 - cpuBase) / rate;
        segments.push({ from: t, to: t + rampEnd + 20 * MIN, value: (dt) => Math.min(96, cpuBase + rate * dt) });
        t += rampEnd + 20 * MIN + uniform(rng, 4, 10) * HOUR;
      }
      if (family === 'gaps') {
        for (let t = uniform(rng, 0, 4) * HOUR; t < end; t += uniform(rng, 2, 6) * HOUR) gaps.push([t, t + uniform(rng, 30, 180) * MIN]);
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5, gaps };
    }
    case 'step-stays': {
      // A jump every 6–12 h to a new level that stays 3–8 h (15 % of them above critical).
      for (let t = uniform(rng, 1, 5) * HOUR; t < end; ) {
        const level = rng() < 0.15 ? uniform(rng, 92, 96) : uniform(rng, 55, 86);
        const stay = uniform(rng, 3, 8) * HOUR;
        segments.push({ from: t, to: t + stay, value: () => level });
        t += stay + uniform(rng, 6, 12) * HOUR;
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
    case 'hourly-spikes': {
      // Every hour at the same minute: up over 10–20 min to 72–88 %, back over as long —
      // the hourly spike that always falls back.
      const minute = Math.floor(uniform(rng, 0, 40)) * MIN;
      for (let h = 0; h * HOUR < end; h++) {
        const rise = uniform(rng, 10, 20) * MIN;
        segments.push(spike(h * HOUR + minute, rise, rise, cpuBase, uniform(rng, 72, 88)));
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
    case 'irregular-spikes': {
      for (let t = uniform(rng, 0, 2) * HOUR; t < end; t += uniform(rng, 30, 150) * MIN) {
        const rise = uniform(rng, 5, 25) * MIN;
        segments.push(spike(t, rise, uniform(rng, 5, 25) * MIN, cpuBase, uniform(rng, 65, 97)));
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
    case 'batch-job': {
      // Nightly at 02:00 (±10 min): up over 30–45 min to a plateau held 60–90 min, down over
      // 20 min. Most nights the plateau is 78–88 %; one in five it goes to 91–95 %.
      for (let d = 0; d < days; d++) {
        const at = d * DAY + 2 * HOUR + uniform(rng, -10, 10) * MIN;
        const rise = uniform(rng, 30, 45) * MIN;
        const hold = uniform(rng, 60, 90) * MIN;
        const top = rng() < 0.2 ? uniform(rng, 91, 95) : uniform(rng, 78, 88);
        segments.push({
          from: at,
          to: at + rise + hold + 20 * MIN,
          value: (dt) =>
            dt < rise ? cpuBase + ((top - cpuBase) * dt) / rise : dt < rise + hold ? top : top - ((top - cpuBase) * (dt - rise - hold)) / (20 * MIN),
        });
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
    case 'noise': {
      const level = uniform(rng, 45, 78);
      return { metric: 'cpu_usage', shape: () => level, noise: [1, 3, 6][Math.floor(rng() * 3)]! };
    }
    case 'leak': {
      // memory_usage grows 0.02–0.08 %/min from ~40 %; 10–30 min after crossing 90 % it is restarted.
      let t = 0;
      while (t < end) {
        const rate = uniform(rng, 0.02, 0.08) / MIN;
        const from = uniform(rng, 35, 45);
        const life = (92 - from) / rate + uniform(rng, 10, 30) * MIN;
        segments.push({ from: t, to: t + life, value: (dt) => from + rate * dt });
        t += life;
      }
      return { metric: 'memory_usage', shape: piecewise(segments, 40), segments, noise: 0.5 };
    }
    case 'gc-sawtooth': {
      // A garbage-collected heap: climbs from ~45 % to 65–80 % over 8–25 min, collected at once.
      const period = uniform(rng, 8, 25) * MIN;
      const top = uniform(rng, 65, 80);
      return { metric: 'memory_usage', shape: (t) => 45 + ((top - 45) * (t % period)) / period, noise: 0.5 };
    }
    case 'recovery': {
      // An incident every 6–12 h: a jump to 92–98 % for 10–30 min, then recovery decaying to
      // the base over ~30 min (after a restart): the decline must not be projected upward.
      for (let t = uniform(rng, 1, 5) * HOUR; t < end; ) {
        const top = uniform(rng, 92, 98);
        const hold = uniform(rng, 10, 30) * MIN;
        const tau = uniform(rng, 5, 12) * MIN;
        segments.push({
          from: t,
          to: t + hold + 6 * tau,
          value: (dt) => (dt < hold ? top : cpuBase + (top - 8 - cpuBase) * Math.exp(-(dt - hold) / tau)),
        });
        t += hold + 6 * tau + uniform(rng, 6, 12) * HOUR;
      }
      return { metric: 'cpu_usage', shape: piecewise(segments, cpuBase), segments, noise: 1.5 };
    }
  }
}

export function generateSeries(family: Family, stepSeconds: number, days: number, seed: number): LabelledSeries {
  const rng = createRng(seed);
  const p = plan(family, rng, days);
  const samples: MetricSample[] = [];
  const calm: boolean[] = [];
  for (let t = 0; t < days * DAY; t += stepSeconds) {
    if (p.gaps?.some(([a, b]) => t >= a && t < b)) continue;
    calm.push(p.segments !== undefined && !p.segments.some((seg) => t >= seg.from && t < seg.to));
    const moved = clamp(p.shape(t) + p.noise * gaussian(rng), 0, 100);
    samples.push({
      timestamp: new Date(START + t * 1000),
      cpu_usage: p.metric === 'cpu_usage' ? moved : clamp(30 + 1.5 * gaussian(rng), 0, 100),
      memory_usage: p.metric === 'memory_usage' ? moved : clamp(45 + 0.5 * gaussian(rng), 0, 100),
      error_rate: clamp(0.01 + 0.002 * gaussian(rng), 0, 1),
      latency_ms: Math.max(0, 200 + 15 * gaussian(rng)),
      memory_mb: null,
    });
  }
  return { id: `${family}@${samplingLabel(stepSeconds)}#${seed}`, family, stepSeconds, samples, calm };
}

/** "5-s", "30-s", "1-min", "5-min", "10-min". */
export function samplingLabel(stepSeconds: number): string {
  return stepSeconds < MIN ? `${stepSeconds}-s` : `${stepSeconds / MIN}-min`;
}

/**
 * Families replayed at 5-s sampling as well (6 hours each: a 5-s day is 17 280 checks): the
 * ones where fast sampling itself misleads — noise extremes a few samples apart, a GC drop,
 * a step, a leak, and a ramp fast enough to cross within the 6 hours.
 */
const FIVE_SECOND_FAMILIES: readonly Family[] = ['noise', 'gc-sawtooth', 'step-stays', 'leak', 'fast-ramp'];

/**
 * The committed set: every family at 5-min (3 days; batch jobs 9) and 1-min (2 days; batch
 * jobs 6), two seeds each; at 30-s (the simulator's and a typical agent's rate; 1 day, batch
 * jobs 3), one seed; the families above at 5-s (6 h); plus 10-min ramps and leaks.
 */
export function labelledSet(): LabelledSeries[] {
  const set: LabelledSeries[] = [];
  FAMILIES.forEach((family, f) => {
    // Daily shapes need more days to show more than a couple of nights.
    const days = family === 'batch-job' ? 3 : 1;
    for (const seed of [1, 2]) {
      set.push(generateSeries(family, 5 * MIN, 3 * days, 1000 * f + seed));
      set.push(generateSeries(family, MIN, 2 * days, 1000 * f + 100 + seed));
    }
    set.push(generateSeries(family, 30, days, 1000 * f + 300));
    if (FIVE_SECOND_FAMILIES.includes(family)) set.push(generateSeries(family, 5, 0.25, 1000 * f + 500));
  });
  for (const family of ['slow-ramp', 'leak'] as const) set.push(generateSeries(family, 10 * MIN, 4, 9000 + FAMILIES.indexOf(family)));
  return set;
}
