/**
 * detect_and_cleanup_memory_leaks: judge the recent memory series, clean only
 * when a leak is detected; with no cleanup hook, propose a restart instead.
 */
import 'server-only';
import { z } from 'zod';
import { REMEDIATION_BRAIN_ACTIONS } from '@/lib/healing/vocabulary';
import { samplesInWindow } from '@/db/queries/metrics';
import { detectMemoryLeak, LEAK_MAX_SAMPLES, LEAK_WINDOW_MINUTES } from '@/lib/healing/leak';
import { toMetricSample } from '@/lib/services/health-check';
import { stripUrlCredentials } from '@/db/url-credentials';
import type { ActionTargets } from '../action-targets';
import type { ActionDefinition, RunContext, RunOutcome } from './definition';
import { reported } from './outcome';

const paramsSchema = z.strictObject({});

function hookText(t: ActionTargets): string {
  if (!t.cleanup) return 'no cleanup hook registered';
  if (t.cleanup.kind === 'simulator') return 'simulated cleanup (demo simulator)';
  if (t.cleanup.kind === 'in-process') return 'the console’s own process (in-process)';
  return `cleanup hook ${t.cleanup.url}`;
}

/**
 * A hook as a target shows it: without credentials (lib/url-credentials.ts),
 * query or fragment (a token in `?key=` is a credential too). Not a URL
 * (`in-process`, `simulator`): as it is.
 */
function shownHook(url: string): string {
  try {
    const parsed = new URL(stripUrlCredentials(url));
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return stripUrlCredentials(url);
  }
}

async function cleanupMemoryLeak({ db, component, executors, now }: RunContext): Promise<RunOutcome> {
  const since = new Date(now.getTime() - LEAK_WINDOW_MINUTES * 60_000);
  const samples = (await samplesInWindow(db, component.id, since, now, LEAK_MAX_SAMPLES)).map(toMetricSample);
  const leak = detectMemoryLeak(samples);
  const current = samples.at(-1)?.memory_mb ?? null;
  const base = { component: component.name, leak_detected: leak.leak_detected, reason: leak.reason, analysis: leak };
  if (!leak.leak_detected) {
    return {
      success: true,
      error: null,
      result: { success: true, ...base, memory_freed_mb: 0, objects_collected: 0, current_memory_mb: current, message: 'no leak detected; nothing cleaned' },
    };
  }
  const hook = executors.cleanup(component);
  if (!hook) {
    const error = `no cleanup hook registered for ${component.name}; a restart is proposed instead`;
    return {
      success: false,
      error,
      followUp: { action: 'restart', reason: error },
      result: { success: false, ...base, memory_freed_mb: null, objects_collected: null, current_memory_mb: current, message: error },
    };
  }
  const outcome = await hook.executor.cleanup({ component: component.name, url: hook.url, secret: hook.secret });
  return reported(outcome, {
    ...base,
    memory_freed_mb: outcome.memory_freed_mb,
    objects_collected: outcome.objects_collected,
    current_memory_mb: outcome.current_memory_mb,
  });
}

export const memoryCleanup = {
  name: 'memory_cleanup',
  label: 'Memory-leak cleanup',
  verb: 'Clean up memory of',
  confirmNow: 'Clean up now',
  noun: 'cleanup',
  brainAction: REMEDIATION_BRAIN_ACTIONS.memory_cleanup,
  activityFields: ['leak_detected', 'memory_freed_mb', 'objects_collected', 'current_memory_mb', 'error', 'remediation_id'],
  disruptive: false,
  // No hook is no refusal: the cleanup judges the leak and proposes a restart instead (SPEC §4).
  needs: () => ({ service: false, hook: false, history: false }),
  route: 'memory-leaks/cleanup',
  apiDescription: 'detect_and_cleanup_memory_leaks: cleans only when the last hour of memory is a leak; without a cleanup hook a restart is proposed instead.',
  paramsSchema,
  browserParamsSchema: paramsSchema,
  bodyRequired: false,
  requestedAs: () => 'memory-leak cleanup',
  toParams: () => ({}),
  title: () => 'Memory-leak cleanup',
  describeParams: () => 'memory cleanup',
  aimsAtService: () => false,
  riskContext: async () => ({}),
  dialogRiskContext: () => ({}),
  async resolveTarget(_db, component, _params, executors) {
    const hook = executors.cleanup(component);
    return { hook: hook ? shownHook(hook.url) : null };
  },
  run: cleanupMemoryLeak,
  dialogChoices: { legend: '', field: '', options: [{ value: 'memory_cleanup', label: 'Memory-leak cleanup', params: {} }] },
  describe(t) {
    const judge = `First judges ${t.component.name}’s memory over the last ${LEAK_WINDOW_MINUTES} minutes; nothing is cleaned unless a leak is detected.`;
    const target = hookText(t);
    if (!t.cleanup) {
      return {
        steps: [judge, 'No cleanup hook is registered: if a leak is found, a restart is proposed instead, under the same rules (it may need an approver).'],
        target,
        blocker: null,
      };
    }
    return { steps: [judge, `A detected leak is cleaned by ${target}.`], target, blocker: null };
  },
} satisfies ActionDefinition<typeof paramsSchema>;
