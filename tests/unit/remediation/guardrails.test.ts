import { describe, expect, it } from 'vitest';
import { checkGuardrails, type PastExecution } from '@/lib/healing/guardrails';

const now = new Date('2026-11-30T12:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const base = { now, component: 'api', paused: false, history: [] as PastExecution[] };

describe('checkGuardrails', () => {
  it('allows a first action', () => {
    expect(checkGuardrails({ ...base, action: 'restart', automatic: true })).toEqual({ ok: true });
  });

  it('pause blocks automatic actions only', () => {
    expect(checkGuardrails({ ...base, paused: true, action: 'restart', automatic: true })).toMatchObject({ ok: false, guardrail: 'paused', clearsAt: null });
    expect(checkGuardrails({ ...base, paused: true, action: 'restart', automatic: false })).toEqual({ ok: true });
  });

  it('cooldown is per action: 9:59 after a restart blocks a restart (clearing at +10 min), not a cleanup; 10:00 after allows it', () => {
    const history = [{ action: 'restart' as const, startedAt: new Date(now.getTime() - 599_000), automatic: false }];
    const verdict = checkGuardrails({ ...base, history, action: 'restart', automatic: false });
    expect(verdict).toMatchObject({ ok: false, guardrail: 'cooldown', clearsAt: new Date(now.getTime() + 1_000) });
    expect(checkGuardrails({ ...base, history, action: 'memory_cleanup', automatic: false })).toEqual({ ok: true });
    const older = [{ action: 'restart' as const, startedAt: ago(10), automatic: false }];
    expect(checkGuardrails({ ...base, history: older, action: 'restart', automatic: false })).toEqual({ ok: true });
  });

  it('hourly cap: the 4th automatic action within an hour is blocked until the oldest leaves the hour', () => {
    const history: PastExecution[] = [50, 30, 15].map((m) => ({ action: 'memory_cleanup', startedAt: ago(m), automatic: true }));
    const verdict = checkGuardrails({ ...base, history, action: 'restart', automatic: true });
    expect(verdict).toMatchObject({ ok: false, guardrail: 'hourly_cap', clearsAt: new Date(ago(50).getTime() + 3_600_000) });
    // People are not capped; actions older than an hour do not count; manual ones do not count.
    expect(checkGuardrails({ ...base, history, action: 'restart', automatic: false })).toEqual({ ok: true });
    const old: PastExecution[] = [61, 30, 15].map((m) => ({ action: 'memory_cleanup', startedAt: ago(m), automatic: true }));
    expect(checkGuardrails({ ...base, history: old, action: 'restart', automatic: true })).toEqual({ ok: true });
    const manual: PastExecution[] = [50, 30, 15].map((m) => ({ action: 'memory_cleanup', startedAt: ago(m), automatic: false }));
    expect(checkGuardrails({ ...base, history: manual, action: 'restart', automatic: true })).toEqual({ ok: true });
  });
});
