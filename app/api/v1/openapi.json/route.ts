import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';

/** The OpenAPI 3.1 document of this API, built from the operations the routes validate with. */
export const GET = apiRoute(
  {
    operationId: 'get_openapi_document',
    summary: 'This document',
    description: 'OpenAPI 3.1, generated from the zod schemas the routes validate with. Interactive docs: /api/docs (signed in).',
    tag: 'Console',
    role: 'viewer',
    responses: { 200: { description: 'The OpenAPI document.', schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
  },
  async () => {
    // Imported when asked: the document lists this module too (lib/api/openapi/routes.ts).
    const { openApiDocument } = await import('@/lib/api/openapi/document');
    return Response.json(openApiDocument());
  },
);
