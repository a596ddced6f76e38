/**
 * The analytics export as a stream: unified_brain rows of the window are read
 * in keyset chunks of 1,000 and written out as they arrive, so an export of a
 * busy month never sits in memory whole. The JSON form opens with the same
 * summary the analytics page shows.
 *
 * Each principal (user or token) runs at most EXPORTS_PER_PRINCIPAL exports at
 * once; another is refused (too_many_requests: the API's 429 with Retry-After). The slot is freed when the stream
 * ends, fails or the client cancels it. Counted per server process: behind
 * several console processes the bound is that many times higher.
 */
import 'server-only';
import type { Db } from '@/db/client';
import type { Principal } from '@/lib/api/principal';
import { ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { activityChunk, type ActivityFilters, type ActivityRow } from '@/db/queries/activity';
import type { Cursor } from '@/lib/dashboard/cursor';
import { csvRecord } from '@/lib/dashboard/csv';
import { windowEnding, type AnalyticsWindow } from '@/lib/dashboard/durations';
import { DomainError } from '@/lib/healing/domain-error';
import { log } from '@/lib/log';
import { analyticsReport, type AnalyticsReport } from './analytics-report';

export const EXPORT_CHUNK_ROWS = 1_000;
export const EXPORTS_PER_PRINCIPAL = 2;
/** What a refused caller is told to wait; a month's export of a busy console takes about this long. */
export const EXPORT_RETRY_AFTER_SECONDS = 30;

// Kept on globalThis so dev-mode module reloads share one count.
const globalForExports = globalThis as typeof globalThis & { __shcExportSlots?: ConcurrencyLimit };
const slots = (globalForExports.__shcExportSlots ??= new ConcurrencyLimit(EXPORTS_PER_PRINCIPAL));
export const CSV_HEADER = ['id', 'executed_at', 'agent_name', 'action_type', 'status', 'component', 'metadata'] as const;
export type ExportFormat = 'csv' | 'json';

export interface ExportRow {
  id: number;
  executed_at: string;
  agent_name: string;
  action_type: string;
  status: string;
  component: string | null;
  metadata: Record<string, unknown>;
}

function exportRow(row: ActivityRow): ExportRow {
  const component = row.metadata.component;
  return {
    id: row.id,
    executed_at: row.exactAt,
    agent_name: row.agentName,
    action_type: row.actionType,
    status: row.status,
    component: typeof component === 'string' ? component : null,
    metadata: row.metadata,
  };
}

function csvLine(row: ExportRow): string {
  return csvRecord([row.id, row.executed_at, row.agent_name, row.action_type, row.status, row.component, JSON.stringify(row.metadata)]);
}

/** The JSON document minus its rows: everything of the report but the chart timeline. */
function jsonSummary(report: AnalyticsReport) {
  return {
    total_rows: report.total_rows,
    top_actions: report.top_actions,
    interventions: report.interventions,
    remediations: report.remediations,
    recovery_time: report.recovery_time,
    approvals: report.approvals,
  };
}

/** Reads the window oldest first, one chunk per pull: the consumer's pace sets the database's. */
function rowStream(
  db: Db,
  filters: ActivityFilters,
  write: { head: string; row: (row: ExportRow, index: number) => string; tail: string },
  /** Called once the stream is over, however it ended. */
  done: () => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Cursor | null = null;
  let written = 0;
  let headSent = false;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headSent) {
          headSent = true;
          controller.enqueue(encoder.encode(write.head));
          return;
        }
        try {
          const chunk = await activityChunk(db, filters, after, EXPORT_CHUNK_ROWS);
          if (cancelled) return; // the client left while this chunk was read: nobody to write it to
          if (chunk.rows.length > 0) {
            controller.enqueue(encoder.encode(chunk.rows.map((r) => write.row(exportRow(r), written++)).join('')));
            after = chunk.last;
          }
          if (chunk.rows.length < EXPORT_CHUNK_ROWS) {
            if (write.tail) controller.enqueue(encoder.encode(write.tail));
            controller.close();
            done();
          }
        } catch (error) {
          if (cancelled) return;
          // Headers are gone already: the download ends short and the log says why.
          log.error('analytics export failed mid-stream', { error, rows_written: written });
          controller.error(new Error('export failed'));
          done();
        }
      },
      // The client went away (closed the tab, aborted the download).
      cancel() {
        cancelled = true;
        done();
      },
    },
    { highWaterMark: 1 },
  );
}

export interface ExportRequest {
  format: ExportFormat;
  window: AnalyticsWindow;
  /** End of the window; pinning it lets a CSV and a JSON export of one report agree. */
  until: Date;
}

const tooManyExports = () =>
  new DomainError('too_many_requests', `at most ${EXPORTS_PER_PRINCIPAL} exports at a time per user or token; retry when one of yours has finished`, {
    details: { limit: EXPORTS_PER_PRINCIPAL },
    retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS,
  });

/** The export for `principal`; refused (too_many_requests) while they already run EXPORTS_PER_PRINCIPAL. */
export async function analyticsExport(db: Db, principal: Pick<Principal, 'kind' | 'id'>, request: ExportRequest): Promise<Response> {
  const release = slots.tryAcquire(`${principal.kind}:${principal.id}`);
  if (!release) throw tooManyExports();
  try {
    return await startExport(db, request, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startExport(db: Db, request: ExportRequest, release: () => void): Promise<Response> {
  const w = windowEnding(request.window, request.until);
  const filters: ActivityFilters = { since: w.from, until: w.to };
  const stamp = w.to.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const filename = `self-healing-activity-${request.window}-${stamp}.${request.format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };

  if (request.format === 'csv') {
    const body = rowStream(db, filters, { head: csvRecord(CSV_HEADER), row: csvLine, tail: '' }, release);
    return new Response(body, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
  }

  // Computed before the first byte so a failing summary is still a proper JSON error.
  const report = await analyticsReport(db, request.window, request.until);
  const opening = JSON.stringify({
    window: request.window,
    from: report.from,
    to: report.to,
    generated_at: new Date().toISOString(),
    summary: jsonSummary(report),
  });
  const body = rowStream(db, filters, {
    // The opening object minus its closing brace, then the rows array.
    head: `${opening.slice(0, -1)},"rows":[`,
    row: (row, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`,
    tail: '\n]}\n',
  }, release);
  return new Response(body, { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}
