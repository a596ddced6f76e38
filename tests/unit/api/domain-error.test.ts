/** One domain error: the domain names the kind of refusal, only lib/api turns it into HTTP. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorFrom, httpStatusOf } from '@/lib/api/errors';
import { DomainError } from '@/lib/healing/domain-error';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('DomainError → HTTP', () => {
  it('a refusal naming a field answers 400 with the field in issues', async () => {
    const error = new DomainError('validation_failed', 'num_instances: at most 3', { field: 'num_instances' });
    expect(error.field).toBe('num_instances');
    const response = apiErrorFrom(error).toResponse();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'validation_failed',
      message: 'num_instances: at most 3',
      issues: [{ field: 'num_instances', message: 'num_instances: at most 3' }],
    });
  });

  it('each code has its status, and details are part of the body', async () => {
    expect(httpStatusOf(new DomainError('not_found', 'x'))).toBe(404);
    expect(httpStatusOf(new DomainError('forbidden', 'x'))).toBe(403);
    expect(httpStatusOf(new DomainError('component_limit', 'x'))).toBe(422);
    const guardrail = apiErrorFrom(new DomainError('guardrail', 'cooldown', { details: { guardrail: 'cooldown' } })).toResponse();
    expect(guardrail.status).toBe(409);
    expect(await guardrail.json()).toMatchObject({ error: 'guardrail', guardrail: 'cooldown' });
  });

  it('a busy limit answers 429 with Retry-After, not cached; details are part of the body', async () => {
    const busy = new DomainError('too_many_requests', 'at most 2 at a time', { details: { limit: 2 }, retryAfterSeconds: 30 });
    const response = apiErrorFrom(busy).toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'too_many_requests', message: 'at most 2 at a time', limit: 2 });
    expect(apiErrorFrom(new DomainError('conflict', 'x')).toResponse().headers.get('retry-after')).toBeNull();
  });

  it('the domain folders speak no HTTP: no ApiError, no status numbers', () => {
    for (const file of ['lib/remediation', 'lib/healing', 'lib/services'].flatMap(files)) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\bApiError\b/);
      expect(source, file).not.toMatch(/\b(?:status:\s*|new Response\(|Response\.json\()[^)]*\b[1-5]\d\d\b/);
    }
  });
});
