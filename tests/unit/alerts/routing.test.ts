import { describe, expect, it } from 'vitest';
import { firingLine, labelText, sinceText } from '@/lib/alerts/format';
import { componentLabelOf, DEFAULT_COMPONENT_LABELS, isHealingSeverity } from '@/lib/alerts/routing';
import { setAlertRoutingInput } from '@/lib/validation/admin';

describe('componentLabelOf', () => {
  it('reads component, else service, else job', () => {
    expect(componentLabelOf({ component: 'a', service: 'b', job: 'c' }, DEFAULT_COMPONENT_LABELS)).toEqual({ label: 'component', value: 'a' });
    expect(componentLabelOf({ service: 'b', job: 'c' }, DEFAULT_COMPONENT_LABELS)).toEqual({ label: 'service', value: 'b' });
    expect(componentLabelOf({ job: 'c', instance: 'x:9100' }, DEFAULT_COMPONENT_LABELS)).toEqual({ label: 'job', value: 'c' });
  });
  it('skips empty values and answers null when no label is there', () => {
    expect(componentLabelOf({ component: '', job: 'c' }, DEFAULT_COMPONENT_LABELS)).toEqual({ label: 'job', value: 'c' });
    expect(componentLabelOf({ alertname: 'Watchdog' }, DEFAULT_COMPONENT_LABELS)).toBeNull();
  });
  it('follows the configured order', () => {
    expect(componentLabelOf({ component: 'a', job: 'c' }, ['job', 'component'])).toEqual({ label: 'job', value: 'c' });
  });
});

describe('isHealingSeverity', () => {
  it('only listed severities heal; none without a severity label', () => {
    expect(isHealingSeverity('critical', ['critical'])).toBe(true);
    expect(isHealingSeverity('warning', ['critical'])).toBe(false);
    expect(isHealingSeverity(null, ['critical'])).toBe(false);
    expect(isHealingSeverity('critical', [])).toBe(false);
  });
});

describe('firing line', () => {
  it('"firing: HighErrorRate since 12:03 UTC" on the same UTC day, with the date otherwise', () => {
    expect(firingLine({ alertname: 'HighErrorRate', starts_at: '2026-12-01T12:03:59Z' }, '2026-12-01T15:00:00Z')).toBe('firing: HighErrorRate since 12:03 UTC');
    expect(sinceText('2026-11-29T23:10:00Z', '2026-12-01T15:00:00Z')).toBe('2026-11-29 23:10 UTC');
  });
});

describe('setAlertRoutingInput', () => {
  it('splits lists on commas and spaces, dropping repeats', () => {
    expect(setAlertRoutingInput.parse({ component_labels: 'component, service job,job', healing_severities: '' })).toEqual({
      component_labels: ['component', 'service', 'job'],
      healing_severities: [],
    });
  });
  it('refuses a label that is not a Prometheus label name, and an empty label list, naming the field', () => {
    const bad = setAlertRoutingInput.safeParse({ component_labels: 'component, 9lives', healing_severities: 'critical' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['component_labels'], message: expect.stringContaining('"9lives" is not a label name') });
    const empty = setAlertRoutingInput.safeParse({ component_labels: ' ', healing_severities: 'critical' });
    expect(empty.error!.issues[0]).toMatchObject({ path: ['component_labels'], message: 'must list at least 1' });
  });
});

describe('labelText', () => {
  it('writes a label set as PromQL does', () => {
    expect(labelText({ alertname: 'HighErrorRate', team: 'payments' })).toBe('alertname="HighErrorRate", team="payments"');
  });
});
