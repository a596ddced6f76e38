/**
 * The document is valid OpenAPI 3.1 (@readme/openapi-parser validates against
 * the 3.1 schema and resolves every $ref), and says who may call what.
 */
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';

const document = openApiDocument();
const operations = () =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, any>).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document', { timeout: 60_000 }, () => {
  it('validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result, JSON.stringify(result)).toMatchObject({ valid: true });
    expect(result.valid).toBe(true);
  });

  it('the validator refuses a broken 3.1 document (so the check above can fail)', async () => {
    const broken = structuredClone(document) as any;
    broken.paths['/api/v1/components'].get.responses['200'] = { content: {} }; // a response needs a description
    broken.paths['/api/v1/overview'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Nope' };
    expect((await validate(broken)).valid).toBe(false);
  });

  it('names the credentials of every operation: bearer token, and the session cookie for reads', () => {
    expect(Object.keys(document.components?.securitySchemes ?? {})).toEqual(['bearerToken', 'sessionCookie']);
    for (const { path, method, op } of operations()) {
      if (path === '/api/health') {
        expect(op.security).toEqual([]);
        continue;
      }
      expect(op.security, `${method} ${path}`).toEqual(method === 'get' ? [{ bearerToken: [] }, { sessionCookie: [] }] : [{ bearerToken: [] }]);
      expect(op['x-required-role'], `${method} ${path}`).toMatch(/^(viewer|operator|approver|admin)$/);
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403', '503']));
    }
  });

  it('shows request bodies as the routes accept them (input, transforms included) and the action bodies from the registry', () => {
    const health = (document.paths as any)['/api/v1/components/{name}/health'].post;
    const body = health.requestBody.content['application/json'].schema;
    expect(body.properties.timestamp).toMatchObject({ type: 'string', format: 'date-time' });
    expect(body.required).toEqual(['cpu_usage', 'memory_usage', 'error_rate', 'latency_ms']);
    expect(body.additionalProperties).toBe(false);
    const rollback = (document.paths as any)['/api/v1/components/{name}/rollback'].post;
    expect(rollback.requestBody.required).toBe(true);
    expect(rollback.requestBody.content['application/json'].schema.properties.rollback_type.enum).toEqual(['previous_state', 'config', 'deployment']);
    expect((document.paths as any)['/api/v1/components/{name}/restart'].post.requestBody.required).toBe(false);
    const query = (document.paths as any)['/api/v1/remediations'].get.parameters.map((p: any) => `${p.in}:${p.name}`);
    expect(query).toEqual(['query:component', 'query:status', 'query:limit']);
  });
});
