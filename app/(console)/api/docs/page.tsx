import type { Metadata } from 'next';
import { ApiDocs } from '@/components/api-docs/api-docs';
import { requirePageUser } from '@/lib/auth/guards';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API · Self-Healing Console' };

/**
 * The API document (in the signed-in layout: header and main#main), browsable and callable (Swagger UI, served from
 * node_modules by app/docs-ui — no CDN). A page, not an API answer: proxy.ts
 * gives it the page CSP, and Swagger UI runs under it as a script the page's
 * own (nonce-trusted) code loads.
 */
export default async function ApiDocsPage() {
  await requirePageUser('viewer');
  return (
    <>
      <h1>API</h1>
      <p className="subtitle">
        Every endpoint of <code>/api/v1</code>, from <a href="/api/v1/openapi.json">the OpenAPI 3.1 document</a>. Reads
        use your session; to try a write, choose Authorize and paste an API token.
      </p>
      <ApiDocs documentUrl="/api/v1/openapi.json" />
    </>
  );
}
