/**
 * Demo scenarios: nine synthetic components whose metrics exercise every part of the
 * health engine (lib/healing) the way a real fleet would. Pure: no clock, no
 * Math.random — `sample(t, rng)` depends only on t (seconds since any epoch, may be
 * huge or negative) and the seeded rng the caller passes (see rng.ts).
 *
 * Every scenario is periodic: behaviour depends on t modulo `cycleSeconds`, so the
 * demo stays interesting forever and a backfill computed from any epoch looks the same.
 * Shapes are tuned against the engine's real rules (thresholds, 30-min least-squares
 * prediction with R² ≥ 0.25, 60-min/120-sample leak window, 10-score trend) — see
 * tests/unit/simulator/scenarios.test.ts for what each one is proven to show.
 */
import type { RemediationAction } from '@/lib/healing/vocabulary';
export { createRng } from './rng';

export interface ScenarioSample {
  cpu_usage: number;
  memory_usage: number;
  error_rate: number;
  latency_ms: number;
  memory_mb: number;
}

export interface Scenario {
  component: string;
  description: string;
  /** What an SRE should see in the console. */
  expectation: string;
  /** Length of one cycle; the scenario repeats with this period. */
  cycleSeconds: number;
  /**
   * Where in its cycle the demo starts this scenario, so a fresh demo shows a mix
   * of states at once (a leak under way, a ramp building, a recovery) rather than
   * every component at the quiet start of its cycle.
   */
  demoStartSeconds: number;
  /**
   * What the console's remediations do to this simulated service: the cycle
   * position it continues from after each action (see lib/executors/simulator.ts).
   * An action without an entry runs but changes nothing, as a restart of a
   * service with a bad release would.
   */
  remedies?: Partial<Record<RemediationAction, number>>;
  /**
   * Requests per second it serves (the optional `request_rate` of its samples), steady unless
   * given as a function of scenario time. Only storefront-web's troubles are load: the others'
   * CPU and latency troubles are faults, so the reconciler restarts or rolls back rather than scales.
   */
  requestRate?: number | ((elapsedSeconds: number) => number);
  /**
   * The most instances a scale may ask for, set once by the demo (as an admin would,
   * recorded as `system:demo-simulator`) so the reconciler's scale rule can act on it.
   */
  maxInstances?: number;
  /**
   * Cycle position (seconds) at which the service's owners scale it back to one instance,
   * so the next cycle's surge starts from one again (lib/simulator/scale.ts `scalesInBetween`).
   */
  scaleInAt?: number;
  /** Recorded runtime states, oldest first, so `previous_state` rollbacks have something to restore. */
  states?: readonly Record<string, unknown>[];
  sample(elapsedSeconds: number, rng: () => number): ScenarioSample;
}

const MIN = 60;

/** Position in the cycle in seconds, in [0, cycle) — also for negative t. */
export function cyclePosition(t: number, cycleSeconds: number): number {
  const r = t % cycleSeconds;
  return r < 0 ? r + cycleSeconds : r;
}

/** Symmetric noise in [-amp, amp). */
const jitter = (rng: () => number, amp: number): number => (rng() * 2 - 1) * amp;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Clamp to the API's valid ranges and round like a real agent would report. */
export function finish(raw: ScenarioSample): ScenarioSample {
  return {
    cpu_usage: round(clamp(raw.cpu_usage, 0, 100), 2),
    memory_usage: round(clamp(raw.memory_usage, 0, 100), 2),
    error_rate: round(clamp(raw.error_rate, 0, 1), 4),
    latency_ms: round(Math.max(0, raw.latency_ms), 2),
    memory_mb: round(Math.max(0, raw.memory_mb), 2),
  };
}

/** Exponential approach from `from` to `to`, starting after `delay` with time constant `tau`. */
const recover = (t: number, from: number, to: number, delay: number, tau: number): number =>
  to + (from - to) * Math.exp(-Math.max(0, t - delay) / tau);

// 1 ── Healthy baseline: only noise. Noise is small and independent per sample, so the
// 30-min fits never reach R² 0.25 and nothing is projected.
const checkoutApi: Scenario = {
  component: 'checkout-api',
  description: 'Healthy service: steady load with ordinary noise on every metric.',
  expectation: 'Score 100, trend stable, prediction low, no memory leak.',
  cycleSeconds: 60 * MIN,
  demoStartSeconds: 0,
  sample: (_t, rng) =>
    finish({
      cpu_usage: 30 + jitter(rng, 5),
      memory_usage: 45 + jitter(rng, 2),
      error_rate: 0.002 + jitter(rng, 0.001),
      latency_ms: 120 + jitter(rng, 30),
      memory_mb: 900 + jitter(rng, 10),
    }),
};

// 2 ── Memory leak until the OOM kill. Noise on memory_mb is tiny (±0.5 MB) next to the
// growth per sample (~4.4 MB per 30 s, ~0.7 MB per 5 s) so ≥ 60% of steps rise at any
// realistic sampling rate. memory_usage crosses 90% at ~82 min → critical, healing fires.
const LEAK_CYCLE = 90 * MIN;
const paymentsWorker: Scenario = {
  component: 'payments-worker',
  description: 'Memory leak: resident memory grows 600 → 1400 MB over 90 min, then an OOM restart resets it.',
  expectation:
    'Leak detected once the leak window holds only the current growth; prediction climbs to critical as memory_usage nears 90%; memory_usage goes critical just before the OOM restart.',
  cycleSeconds: LEAK_CYCLE,
  demoStartSeconds: 40 * MIN,
  // A restart or a cleanup of the leaked caches both bring memory back to the post-start baseline.
  remedies: { restart: 0, memory_cleanup: 0 },
  sample: (t, rng) => {
    const u = cyclePosition(t, LEAK_CYCLE) / LEAK_CYCLE; // 0 right after a restart, → 1 at OOM
    const pressure = Math.max(0, (u - 0.8) / 0.2); // GC thrash in the last 18 min
    return finish({
      cpu_usage: 35 + 25 * pressure + jitter(rng, 4),
      memory_usage: 40 + 55 * u + jitter(rng, 0.3),
      error_rate: 0.003 + 0.01 * pressure + jitter(rng, 0.001),
      latency_ms: 180 + 1200 * pressure * pressure + jitter(rng, 30),
      memory_mb: 600 + 800 * u + jitter(rng, 0.5),
    });
  },
};

// 3 ── CPU ramp after a bad deploy. Cubic, not linear: a linear ramp would be projected
// "< 1 hour" from its first minutes. Cubic stays flat (noise → low) early, then the
// 30-min fit steepens: low → high → critical before cpu crosses 90 (~46 min).
// A restart at 52 min (by the console, or the scheduled one) drops cpu back to baseline.
const RAMP_CYCLE = 60 * MIN;
const searchService: Scenario = {
  component: 'search-service',
  description: 'CPU runaway (a thread pool that never shrinks): cpu climbs 35 → 97% over 48 min, holds, then a restart at 52 min clears it.',
  expectation: 'Prediction low early, then high, then critical before cpu crosses 90%; cpu critical for a few minutes until the restart.',
  cycleSeconds: RAMP_CYCLE,
  demoStartSeconds: 22 * MIN,
  remedies: { restart: 52 * MIN },
  sample: (t, rng) => {
    const s = cyclePosition(t, RAMP_CYCLE);
    const u = Math.min(1, s / (48 * MIN));
    const cpu = s < 52 * MIN ? 35 + 62 * u ** 3 : 35;
    const saturation = Math.max(0, (cpu - 70) / 30); // queues build as cpu saturates
    return finish({
      cpu_usage: cpu + jitter(rng, 2),
      memory_usage: 52 + jitter(rng, 1.5),
      error_rate: 0.004 + 0.015 * saturation + jitter(rng, 0.001),
      latency_ms: 150 + 1200 * saturation * saturation + jitter(rng, 25),
      memory_mb: 2100 + jitter(rng, 15),
    });
  },
};

// 4 ── Error spikes: 4 min every 20 min, peaks chosen so one spike is a warning only and
// two are critical (noise never crosses back over the bound being shown).
const SPIKE_CYCLE = 60 * MIN;
const SPIKES: readonly { start: number; peak: number }[] = [
  { start: 8 * MIN, peak: 0.13 },
  { start: 28 * MIN, peak: 0.08 },
  { start: 48 * MIN, peak: 0.15 },
];
const SPIKE_LENGTH = 4 * MIN;
/** The spike (if any) that covers cycle position s. */
export function authSpikeAt(s: number): { start: number; peak: number } | undefined {
  return SPIKES.find((k) => s >= k.start && s < k.start + SPIKE_LENGTH);
}
const authGateway: Scenario = {
  component: 'auth-gateway',
  description: 'Periodic error spikes (identity provider hiccups): 4 min every 20 min at 8%–15% errors.',
  expectation: 'Score 100 between spikes; warning (8%) or critical (13%, 15%) error_rate during each spike; prediction critical during spikes.',
  cycleSeconds: SPIKE_CYCLE,
  demoStartSeconds: 6 * MIN,
  sample: (t, rng) => {
    const spike = authSpikeAt(cyclePosition(t, SPIKE_CYCLE));
    const err = spike ? spike.peak * (1 + jitter(rng, 0.06)) : 0.01 + jitter(rng, 0.003);
    return finish({
      cpu_usage: 28 + (spike ? 8 : 0) + jitter(rng, 4),
      memory_usage: 48 + jitter(rng, 1.5),
      error_rate: err,
      latency_ms: (spike ? 600 : 250) + jitter(rng, 40),
      memory_mb: 650 + jitter(rng, 8),
    });
  },
};

// 5 ── Latency flapping: a fixed, irregular burst schedule (1–3 min bursts, 1–4 min
// apart) spread evenly enough that no 30-min window looks like a trend. Fixed table
// rather than rng so bursts last minutes instead of single samples.
const FLAP_CYCLE = 60 * MIN;
const BURSTS: readonly { start: number; length: number; level: number }[] = [
  { start: 2, length: 1.5, level: 2800 },
  { start: 6, length: 2.5, level: 3300 },
  { start: 11, length: 1, level: 2600 },
  { start: 14, length: 3, level: 3100 },
  { start: 20, length: 1.5, level: 2900 },
  { start: 24, length: 2, level: 3400 },
  { start: 29, length: 1, level: 2700 },
  { start: 33, length: 2.5, level: 3200 },
  { start: 38, length: 1.5, level: 2600 },
  { start: 42, length: 3, level: 3000 },
  { start: 48, length: 1, level: 3300 },
  { start: 51, length: 2, level: 2800 },
  { start: 56, length: 1.5, level: 3100 },
].map((b) => ({ start: b.start * MIN, length: b.length * MIN, level: b.level }));
export function edgeBurstAt(s: number): { level: number } | undefined {
  return BURSTS.find((b) => s >= b.start && s < b.start + b.length);
}
const edgeProxy: Scenario = {
  component: 'edge-proxy',
  description: 'Latency flapping: an upstream intermittently stalls, latency jumps 300 ms ↔ 2.6–3.4 s in 1–3 min bursts.',
  expectation: 'latency_ms warnings come and go (score 100 ↔ 87.5); flapping is not a trend, prediction stays low.',
  cycleSeconds: FLAP_CYCLE,
  demoStartSeconds: 0,
  sample: (t, rng) => {
    const burst = edgeBurstAt(cyclePosition(t, FLAP_CYCLE));
    return finish({
      cpu_usage: 22 + jitter(rng, 4),
      memory_usage: 38 + jitter(rng, 1.5),
      error_rate: (burst ? 0.012 : 0.003) + jitter(rng, 0.002),
      latency_ms: burst ? burst.level + jitter(rng, 150) : 300 + jitter(rng, 40),
      memory_mb: 420 + jitter(rng, 6),
    });
  },
};

// 6 ── Incident, then recovery. Cycle position 0 is the moment the fix lands; the
// service has been degraded for 30 min before it (onset at 57 min of the previous
// cycle). That long plateau matters: the prediction fits the last 30 min, and any
// recovery whose window still held the healthy→degraded jump would be projected
// upward (critical) while the service is visibly healing. Each metric recovers
// exponentially (τ 3 min), the fix reaching them one after another (delays 0/3/6/9
// min), so warnings clear at ~2, ~5, ~7 and ~10 min: the score climbs 50 → 62.5 → 75
// → 87.5 → 100 in steps close enough for the 10-score trend to read "improving".
const RECOVERY_CYCLE = 90 * MIN;
const INCIDENT_ONSET = 57; // minutes into the cycle; degraded from 60 to the cycle end
/** Degraded value during the incident, recovering toward `healthy` after the fix. */
function incident(m: number, degraded: number, healthy: number, delay: number): number {
  if (m >= INCIDENT_ONSET) return healthy + (degraded - healthy) * Math.min(1, (m - INCIDENT_ONSET) / 3);
  return recover(m, degraded, healthy, delay, 3);
}
const inventorySync: Scenario = {
  component: 'inventory-sync',
  description:
    'Incident and recovery: degraded for 30 min (cpu 86%, memory 82%, errors 9%, latency 4 s) until a fix lands at the start of each cycle, then heals within ~15 min.',
  expectation:
    'Score 50 while degraded (healing triggered by error_rate); after the fix the score climbs to 100 by ~10 min with trend improving and prediction low; healthy and stable until the next incident at 57 min.',
  cycleSeconds: RECOVERY_CYCLE,
  demoStartSeconds: 86 * MIN,
  // The incident is a bad release: rolling back to the previous state is the fix landing.
  remedies: { rollback: 0 },
  states: [
    { version: 'v2.3.1', sync_batch_size: 500 },
    { version: 'v2.4.0', sync_batch_size: 10_000 },
  ],
  sample: (t, rng) => {
    const m = cyclePosition(t, RECOVERY_CYCLE) / MIN;
    // Noise stays inside the warning band (relative for error/latency, so it also suits
    // the healthy values): the plateau must not flap into critical.
    return finish({
      error_rate: incident(m, 0.09, 0.004, 0) * (1 + jitter(rng, 0.04)),
      latency_ms: incident(m, 4000, 160, 3) * (1 + jitter(rng, 0.04)),
      cpu_usage: incident(m, 86, 30, 6) + jitter(rng, 1.5),
      memory_usage: incident(m, 82, 55, 9) + jitter(rng, 1),
      // Resident memory stays flat: the pressure is in buffers/cache (memory_usage). A
      // 3-min step in memory_mb followed by a noisy plateau would look like a leak to a
      // 10-min leak window (5-s sampling): mostly rising steps, good linear fit.
      memory_mb: 1100 + jitter(rng, 8),
    });
  },
};

// 7 ── GC sawtooth: memory_mb rises 300 MB over each 5-min tooth and GC drops it back.
// Over any leak window spanning ≥ 2 teeth the fit is poor (R² ≪ 0.6) → not a leak.
const GC_TOOTH = 5 * MIN;
const notificationService: Scenario = {
  component: 'notification-service',
  description: 'Healthy service with a garbage-collection sawtooth: memory climbs ~300 MB over 5 min, GC drops it back.',
  expectation: 'Score 100, no memory leak (the sawtooth returns to baseline), prediction low.',
  cycleSeconds: 60 * MIN,
  demoStartSeconds: 0,
  sample: (t, rng) => {
    const phase = cyclePosition(t, GC_TOOTH) / GC_TOOTH;
    return finish({
      cpu_usage: 25 + jitter(rng, 4),
      memory_usage: 50 + 10 * phase + jitter(rng, 0.3),
      error_rate: 0.004 + jitter(rng, 0.002),
      latency_ms: 180 + jitter(rng, 35),
      memory_mb: 750 + 300 * phase + jitter(rng, 2),
    });
  },
};

// 8 ── Batch job: a 5-min busy run every 10 min. Three busy/idle alternations fit in the
// 30-min prediction window, so the fit never sees a trend (a 10 min/10 min square wave
// would be projected to hit 90% cpu within the hour every other phase).
const BATCH_PERIOD = 10 * MIN;
const BATCH_RUN = 5 * MIN;
const reportBuilder: Scenario = {
  component: 'report-builder',
  description: 'Batch worker: a report job runs 5 min every 10 min (cpu ~65%), idle ~15% in between.',
  expectation: 'Busy but fine: score 100 throughout, latency a little higher while busy, trend stable, prediction low.',
  cycleSeconds: 60 * MIN,
  demoStartSeconds: 0,
  sample: (t, rng) => {
    const busy = cyclePosition(t, BATCH_PERIOD) < BATCH_RUN;
    return finish({
      cpu_usage: (busy ? 65 : 15) + jitter(rng, 4),
      memory_usage: (busy ? 58 : 50) + jitter(rng, 1.5),
      error_rate: 0.003 + jitter(rng, 0.002),
      latency_ms: (busy ? 450 : 150) + jitter(rng, 40),
      memory_mb: 1500 + jitter(rng, 10),
    });
  },
};

// 9 ── Traffic surge (a flash sale): requests climb 150 → 480 req/s from minute 25 to
// minute 45, hold to 50 and fall back by 55. CPU is the load itself (one instance:
// 15 % + 0.16 % per req/s, ~92 % at the peak) and latency grows as it saturates: no
// fault to restart away. With its request load rising, the reconciler scales it out
// (rule 3 of lib/healing/remediation-plan.ts) — ahead of the breach once the CPU ramp's
// "< 1 hour" forecast persists — within the max_instances the demo sets (3); each
// instance more shares the load (lib/simulator/scale.ts). Its owners scale it back to
// one instance at the start of each cycle, so every cycle shows the surge again.
const SURGE_CYCLE = 60 * MIN;
/** Requests per second at cycle position s (seconds). */
export function storefrontRateAt(s: number): number {
  const m = s / MIN;
  if (m < 25) return 150;
  if (m < 45) return 150 + (330 * (m - 25)) / 20;
  if (m < 50) return 480;
  if (m < 55) return 480 - (330 * (m - 50)) / 5;
  return 150;
}
const storefrontWeb: Scenario = {
  component: 'storefront-web',
  description: 'Traffic surge (a flash sale): requests climb 150 → 480 req/s over 20 min; CPU follows the load to ~92 % on one instance.',
  expectation:
    'Request load rising from minute 25; the CPU ramp is forecast and the reconciler proposes a scale-out (+1, max_instances 3) rather than a restart; with two instances the peak stays near 46 %.',
  cycleSeconds: SURGE_CYCLE,
  demoStartSeconds: 0,
  maxInstances: 3,
  scaleInAt: 0,
  requestRate: (t) => storefrontRateAt(cyclePosition(t, SURGE_CYCLE)),
  sample: (t, rng) => {
    const rate = storefrontRateAt(cyclePosition(t, SURGE_CYCLE));
    const cpu = 15 + 0.16 * rate;
    const saturation = Math.max(0, (cpu - 70) / 30);
    return finish({
      cpu_usage: cpu + jitter(rng, 2),
      // Memory stays flat: a surge's requests come and go, and memory that grew with them
      // would read as a leak (rule 1 would clean it up instead of scaling).
      memory_usage: 46 + jitter(rng, 1),
      error_rate: 0.002 + 0.004 * saturation + jitter(rng, 0.001),
      latency_ms: 140 + 2600 * saturation * saturation + jitter(rng, 25),
      memory_mb: 800 + jitter(rng, 8),
    });
  },
};

export const DEMO_SCENARIOS: readonly Scenario[] = [
  checkoutApi,
  paymentsWorker,
  searchService,
  authGateway,
  edgeProxy,
  inventorySync,
  notificationService,
  reportBuilder,
  storefrontWeb,
];
