/** What changed in a stored target, and who counts as having sent a request's evidence. */
import { describe, expect, it } from 'vitest';
import { sentEvidence } from '@/lib/remediation/decide';
import { targetChanges } from '@/lib/remediation/target';

describe('targetChanges', () => {
  it('is empty when nothing moved, whatever the key order', () => {
    expect(targetChanges({ service_id: 'srv-a', executor: 'render' }, { executor: 'render', service_id: 'srv-a' })).toEqual([]);
  });

  it('names each field that moved, before → after, and fields that appeared or vanished', () => {
    expect(
      targetChanges({ rollback_type: 'config', config_version: 12, from_config_version: 14 }, { rollback_type: 'config', config_version: 14, from_config_version: 15 }),
    ).toEqual(['config_version 12 → 14', 'from_config_version 14 → 15']);
    expect(targetChanges({ hook: 'http://a.test/cleanup' }, { hook: null })).toEqual(['hook http://a.test/cleanup → none']);
    expect(targetChanges({ service_id: 'srv-a' }, { service_id: 'srv-a', deploy_id: 'dep-1' })).toEqual(['deploy_id none → dep-1']);
  });
});

describe('sentEvidence', () => {
  const senders = [
    { name: 'ingest-bot', user_id: 'u-1' },
    { name: 'cli-token', user_id: null },
  ];

  it('matches the person behind a sample, whether they act as themself or through any token they created', () => {
    expect(sentEvidence({ evidenceSenders: senders }, { kind: 'user', name: 'sre@example.com', userId: 'u-1' })).toBe(true);
    expect(sentEvidence({ evidenceSenders: senders }, { kind: 'token', name: 'approvals', userId: 'u-1' })).toBe(true);
    expect(sentEvidence({ evidenceSenders: senders }, { kind: 'user', name: 'other@example.com', userId: 'u-2' })).toBe(false);
  });

  it('matches a creator-less token by its name, and nobody else by that name', () => {
    expect(sentEvidence({ evidenceSenders: senders }, { kind: 'token', name: 'cli-token', userId: null })).toBe(true);
    expect(sentEvidence({ evidenceSenders: senders }, { kind: 'token', name: 'cli-token', userId: 'u-3' })).toBe(false);
    expect(sentEvidence({ evidenceSenders: [] }, { kind: 'user', name: 'a@example.com', userId: 'u-1' })).toBe(false);
  });
});
