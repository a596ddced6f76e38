/** Credentials the e2e server bootstraps its first admin with (see playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-admin-password' };
