import { ROLES, type Role } from '@/db/schema';

export { ROLES, type Role };

// Roles are cumulative: each can do everything the ones before it can.
const RANK: Record<Role, number> = { viewer: 0, operator: 1, approver: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** The lesser of two roles: what a token may do when its creator has since been demoted. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
