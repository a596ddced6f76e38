/**
 * What of a component may leave the server (issue 13, item 1): the view pages
 * hand to client components, the one URL redaction, and the keep-hidden-parts
 * rule of configuration writes.
 */
import { describe, expect, it } from 'vitest';
import type { Component } from '@/db/schema';
import { defaultExecutors } from '@/lib/remediation/executors';
import { keepHiddenParts } from '@/lib/services/component-config';
import { componentView } from '@/lib/services/component-view';
import { hasHiddenUrlParts, stripUrlCredentials } from '@/db/url-credentials';

const SECRET = 'hook-secret-0123456789abcdef';
const row: Component = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'checkout',
  environment: 'production',
  thresholds: {},
  policy: 'default',
  renderServiceId: 'srv-abc123',
  cleanupUrl: 'http://user:pw@hook.internal:8080/cleanup?token=abc#frag',
  hookSecret: SECRET,
  maxInstances: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('componentView', () => {
  const executors = defaultExecutors({ apiKey: undefined, apiUrl: undefined });

  it('carries what the dialog names, never the URL credentials, query or the secret', () => {
    const view = componentView(row, executors);
    expect(view).toEqual({
      component: { name: 'checkout', environment: 'production', policy: 'default', maxInstances: null },
      service: { kind: 'render', serviceId: 'srv-abc123' },
      cleanup: { kind: 'hook', url: 'http://hook.internal:8080/cleanup', signed: true },
    });
    const serialised = JSON.stringify(view);
    for (const secret of ['pw', 'user', 'token=abc', 'frag', SECRET]) expect(serialised).not.toContain(secret);
  });

  it('says when nothing is registered', () => {
    const view = componentView({ ...row, renderServiceId: null, cleanupUrl: null, hookSecret: null }, executors);
    expect(view.service).toBeNull();
    expect(view.cleanup).toBeNull();
  });
});

describe('stripUrlCredentials', () => {
  it.each([
    ['http://user:pw@host/cleanup?token=abc', 'http://host/cleanup'],
    ['https://host:8443/a/b?x=1#y', 'https://host:8443/a/b'],
    ['http://host/cleanup?', 'http://host/cleanup'],
    ['http://host/cleanup', 'http://host/cleanup'],
    ['not a url //u:p@x?token=1', 'not a url //x'],
  ])('%s → %s', (url, shown) => {
    expect(stripUrlCredentials(url)).toBe(shown);
    expect(hasHiddenUrlParts(url)).toBe(url !== shown);
  });
});

describe('keepHiddenParts', () => {
  const stored = 'http://user:pw@host/cleanup?token=abc';
  it('drops a cleanup_url that only repeats what GET shows, so the stored one stays whole', () => {
    expect(keepHiddenParts(stored, { cleanup_url: 'http://host/cleanup', environment: 'dev' })).toEqual({ environment: 'dev' });
  });
  it('keeps a URL that differs, carries its own credentials, or clears', () => {
    expect(keepHiddenParts(stored, { cleanup_url: 'http://host/other' })).toEqual({ cleanup_url: 'http://host/other' });
    expect(keepHiddenParts(stored, { cleanup_url: 'http://a:b@host/cleanup' })).toEqual({ cleanup_url: 'http://a:b@host/cleanup' });
    expect(keepHiddenParts(stored, { cleanup_url: null })).toEqual({ cleanup_url: null });
    expect(keepHiddenParts(null, { cleanup_url: 'http://host/cleanup' })).toEqual({ cleanup_url: 'http://host/cleanup' });
  });
});

