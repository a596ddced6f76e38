/**
 * Batch ingestion (POST /api/v1/metrics): registers unknown components and
 * stores every sample in one transaction with multi-row INSERTs — all or nothing.
 * Batches only store samples; assessment happens per check, not per stored row.
 */
import 'server-only';
import type { Db } from '@/db/client';
import { insertSamples } from '@/db/queries/metrics';
import type { EvidenceSender } from '@/db/schema';
import type { BatchInput } from '@/lib/validation/sample';
import { registerComponents } from './component-registry';

/** `sender`: who posted the batch (null: the console itself) — four-eyes refuses them as approver of what it prompts. */
export async function ingestBatch(db: Db, samples: BatchInput['samples'], now = new Date(), sender: EvidenceSender | null = null): Promise<number> {
  return db.transaction(async (tx) => {
    // Unknown names are registered within the caps (422 naming the limit, nothing stored).
    const { ids } = await registerComponents(
      tx,
      samples.map((s) => s.component),
    );
    return insertSamples(
      tx,
      samples.map((s) => ({
        componentId: ids.get(s.component)!,
        recordedAt: s.timestamp ?? now,
        cpuUsage: s.cpu_usage,
        memoryUsage: s.memory_usage,
        errorRate: s.error_rate,
        latencyMs: s.latency_ms,
        memoryMb: s.memory_mb ?? null,
        requestRate: s.request_rate ?? null,
        sentBy: sender?.name ?? null,
        sentByUserId: sender?.user_id ?? null,
      })),
    );
  });
}
