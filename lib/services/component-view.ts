/**
 * The one shape of a component that pages hand to client components. A
 * component row holds what the executors need — the cleanup hook's URL with
 * its credentials and query, the hook's signing secret — and anything passed
 * to a client component is serialised into the page's RSC payload for every
 * role. So pages never pass the row (or anything read from it) down: they pass
 * this view, built from the row on the server, which says what the UI shows
 * and nothing it must not (SPEC §4: nothing secret reaches a browser).
 */
import 'server-only';
import type { Component, RemediationPolicy } from '@/db/schema';
import type { ExecutorRegistry } from '@/lib/remediation/types';
import { stripUrlCredentials } from '@/db/url-credentials';

export interface ComponentView {
  /** `maxInstances`: the most instances a scale may ask for; null when the component is never scaled. */
  component: { name: string; environment: string; policy: RemediationPolicy; maxInstances: number | null };
  /** Where restarts and deployment rollbacks go; null when nothing can restart it. */
  service: { kind: 'render' | 'simulator'; serviceId: string } | null;
  /**
   * Who frees memory; null when no cleanup hook is registered (a restart is proposed instead).
   * `url` is the hook's URL without credentials, query or fragment (lib/url-credentials.ts),
   * or the built-in cleanup's name; `signed` says whether a signing secret is set — never the secret.
   */
  cleanup: { kind: 'hook' | 'simulator' | 'in-process'; url: string; signed: boolean } | null;
}

export function componentView(component: Component, executors: ExecutorRegistry): ComponentView {
  const service = executors.service(component, null);
  const cleanup = executors.cleanup(component);
  // lib/remediation/executors.ts names its built-in cleanups by these pseudo-URLs.
  const kind = cleanup?.url === 'simulator' ? 'simulator' : cleanup?.url === 'in-process' ? 'in-process' : 'hook';
  return {
    component: { name: component.name, environment: component.environment, policy: component.policy, maxInstances: component.maxInstances },
    service: service && { kind: service.executor.kind, serviceId: service.serviceId },
    cleanup: cleanup && { kind, url: kind === 'hook' ? stripUrlCredentials(cleanup.url) : kind, signed: cleanup.secret !== null },
  };
}
