/**
 * API tokens look like `shc_<publicId>_<secret>`. The public id finds the row;
 * only SHA-256(secret) is stored, and it is compared in constant time, so
 * neither a database leak nor response timing reveals a usable token.
 */
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'shc';
const TOKEN_PATTERN = /^shc_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenSecret {
  token: string;
  publicId: string;
  secretHash: string;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiToken(): NewTokenSecret {
  const publicId = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}_${publicId}_${secret}`, publicId, secretHash: hashSecret(secret) };
}

export function parseApiToken(token: string): { publicId: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { publicId: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
