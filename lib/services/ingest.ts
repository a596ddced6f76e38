/**
 * Batch ingestion (POST /api/v1/metrics): registers unknown components, stores
 * every sample and judges each component's newest sample — one transaction,
 * all or nothing, so a batch answered 200 has its checks and a refused one
 * left neither samples nor checks behind.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { insertSamples } from '@/db/queries/metrics';
import type { Component, EvidenceSender } from '@/db/schema';
import type { HealingTriggers } from '@/lib/healing/types';
import type { BatchInput } from '@/lib/validation/sample';
import { registerComponents } from './component-registry';
import { countCommitted, judgeNewSample, sampleRow } from './health-check';
import type { HealthReport } from './health-report';

type BatchSample = BatchInput['samples'][number];

export interface BatchResult {
  /** Samples stored. */
  accepted: number;
  /** Components given a health check (one each, on its newest sample). */
  assessed: number;
}

/**
 * Index of each component's newest sample (by its time, `now` when it has none;
 * on a tie the later one in the batch — what a collector sent last).
 */
export function newestPerComponent(samples: BatchSample[], now: Date): Map<string, number> {
  const newest = new Map<string, number>();
  samples.forEach((s, i) => {
    const j = newest.get(s.component);
    if (j === undefined || (s.timestamp ?? now).getTime() >= (samples[j]!.timestamp ?? now).getTime()) newest.set(s.component, i);
  });
  return newest;
}

/** Stores the samples only, no checks: the demo's backfill of history (lib/simulator/run.ts). */
export async function storeBatch(db: Db, samples: BatchSample[], now = new Date(), sender: EvidenceSender | null = null): Promise<number> {
  const stored = await db.transaction(async (tx) => {
    const { components } = await registerComponents(tx, samples.map((s) => s.component));
    return storeRows(tx, samples, components, now, sender);
  });
  countCommitted('batch', stored, []);
  return stored;
}

/**
 * The batch endpoint: stores the samples, then each component's newest one goes
 * through the same check as POST /components/{name}/health — judged against its
 * own history, which by then holds the rest of the batch. One check per
 * component, not per sample: the check reads up to an hour of history, and a
 * collector flushing a minute of 1-s samples wants today's verdict, not sixty.
 * `sender`: who posted the batch (null: the console itself) — four-eyes refuses
 * them as approver of what it prompts.
 */
export async function ingestBatch(
  db: Db,
  samples: BatchSample[],
  options: { triggers: HealingTriggers; now?: Date; sender?: EvidenceSender | null },
): Promise<BatchResult> {
  const now = options.now ?? new Date();
  const sender = options.sender ?? null;
  const reports: HealthReport[] = [];
  const result = await db.transaction(async (tx) => {
    // Unknown names are registered within the caps (422 naming the limit, nothing stored).
    // The rows it returns are the ones judged below: storing samples changes no component row.
    const { components } = await registerComponents(tx, samples.map((s) => s.component));
    const newest = newestPerComponent(samples, now);
    const judged = new Set(newest.values());
    const accepted = (await storeRows(tx, samples.filter((_, i) => !judged.has(i)), components, now, sender)) + judged.size;
    // Sorted, like registration, so concurrent batches touch components in one order.
    for (const name of [...newest.keys()].sort()) {
      const component = components.get(name)!;
      reports.push(await judgeNewSample(tx, component, samples[newest.get(name)!]!, { triggers: options.triggers, now, sender }));
    }
    return { accepted, assessed: newest.size };
  });
  countCommitted('batch', result.accepted, reports);
  return result;
}

function storeRows(tx: Db, samples: BatchSample[], components: Map<string, Component>, now: Date, sender: EvidenceSender | null): Promise<number> {
  return insertSamples(
    tx,
    samples.map((s) => sampleRow(s, components.get(s.component)!.id, s.timestamp ?? now, sender)),
  );
}
