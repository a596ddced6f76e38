/** Credentials the e2e server bootstraps its first admin with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-admin-password' };

/** One account per role (plus a second approver for four-eyes races), created by tests/e2e/serve.ts before the server starts. */
export const E2E_USERS = {
  viewer: { email: 'e2e-viewer@example.com', password: 'e2e-viewer-password', role: 'viewer' },
  operator: { email: 'e2e-operator@example.com', password: 'e2e-operator-password', role: 'operator' },
  approver: { email: 'e2e-approver@example.com', password: 'e2e-approver-password', role: 'approver' },
  approver2: { email: 'e2e-approver2@example.com', password: 'e2e-approver2-password', role: 'approver' },
  admin: { ...E2E_ADMIN, role: 'admin' },
} as const;
