/**
 * The demo heals by itself: the reconciler in the e2e server cleans the leaking
 * simulated component (low risk) and queues the production rollback of the bad
 * release for an approver — no hand on the keyboard.
 */
import { expect, test } from '@playwright/test';
import { E2E_USERS } from './fixtures';

interface RemediationView {
  id: string;
  component: string;
  action: string;
  status: string;
  requested_by: string;
  result: Record<string, unknown> | null;
}

test('a leak is cleaned automatically and a risky rollback waits in the approval queue', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_USERS.viewer.email);
  await page.getByLabel('Password').fill(E2E_USERS.viewer.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);

  const list = async (component: string): Promise<RemediationView[]> => {
    const res = await page.request.get(`/api/v1/remediations?component=${component}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { remediations: RemediationView[] }).remediations;
  };

  await expect
    .poll(async () => (await list('payments-worker')).find((r) => r.action === 'memory_cleanup' && r.requested_by === 'reconciler')?.status, {
      timeout: 45_000,
    })
    .toBe('succeeded');
  const [cleanup] = (await list('payments-worker')).filter((r) => r.action === 'memory_cleanup');
  expect(cleanup!.result).toMatchObject({ success: true, leak_detected: true, memory_freed_mb: expect.any(Number) });

  // The reconciler proposed the rollback, and it only ever waited for a person: an earlier spec
  // (approvals) may already have rejected one, or it may have expired — it never ran by itself.
  const reconcilerRollbacks = async () =>
    (await list('inventory-sync')).filter((r) => r.action === 'rollback' && r.requested_by === 'reconciler');
  await expect.poll(async () => (await reconcilerRollbacks()).length, { timeout: 45_000 }).toBeGreaterThan(0);
  for (const rollback of await reconcilerRollbacks()) {
    expect(rollback.status).toMatch(/^(pending_approval|expired|rejected)$/);
  }
  const queue = await page.request.get('/api/v1/approvals');
  expect(queue.status()).toBe(200);
});
