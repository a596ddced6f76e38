/**
 * Every route module under app/api whose operations the document lists, by URL
 * path (`[name]` → `{name}`). The action routes are not here: the document lists
 * one per action of the registry (lib/remediation/actions), like the routes
 * themselves (lib/api/action-route.ts). Auth.js's /api/auth/* is not ours to document.
 * /metrics is outside /api but is an endpoint tools call (Prometheus's scrape), so it is here.
 *
 * Adding a route: declare its operation in its route.ts (apiRoute's first
 * argument), then add its line here; tests/unit/api/openapi-coverage.test.ts
 * fails until both are done.
 */
import * as alertmanager from '@/app/api/v1/alerts/alertmanager/route';
import * as health from '@/app/api/health/route';
import * as analyticsExport from '@/app/api/v1/analytics/export/route';
import * as approve from '@/app/api/v1/approvals/[id]/approve/route';
import * as reject from '@/app/api/v1/approvals/[id]/reject/route';
import * as approvals from '@/app/api/v1/approvals/route';
import * as componentPage from '@/app/api/v1/components/[name]/dashboard/route';
import * as componentHealth from '@/app/api/v1/components/[name]/health/route';
import * as component from '@/app/api/v1/components/[name]/route';
import * as components from '@/app/api/v1/components/route';
import * as dbRecover from '@/app/api/v1/db/recover/route';
import * as metrics from '@/app/api/v1/metrics/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as overview from '@/app/api/v1/overview/route';
import * as sourceTest from '@/app/api/v1/prometheus-sources/[id]/test/route';
import * as source from '@/app/api/v1/prometheus-sources/[id]/route';
import * as sources from '@/app/api/v1/prometheus-sources/route';
import * as remediation from '@/app/api/v1/remediations/[id]/route';
import * as remediations from '@/app/api/v1/remediations/route';
import * as scrape from '@/app/metrics/route';

export const ROUTE_MODULES: Record<string, object> = {
  '/api/health': health,
  '/api/v1/alerts/alertmanager': alertmanager,
  '/api/v1/analytics/export': analyticsExport,
  '/api/v1/approvals': approvals,
  '/api/v1/approvals/{id}/approve': approve,
  '/api/v1/approvals/{id}/reject': reject,
  '/api/v1/components': components,
  '/api/v1/components/{name}': component,
  '/api/v1/components/{name}/dashboard': componentPage,
  '/api/v1/components/{name}/health': componentHealth,
  '/api/v1/db/recover': dbRecover,
  '/api/v1/metrics': metrics,
  '/api/v1/openapi.json': openapi,
  '/api/v1/overview': overview,
  '/api/v1/prometheus-sources': sources,
  '/api/v1/prometheus-sources/{id}': source,
  '/api/v1/prometheus-sources/{id}/test': sourceTest,
  '/api/v1/remediations': remediations,
  '/api/v1/remediations/{id}': remediation,
  '/metrics': scrape,
};
