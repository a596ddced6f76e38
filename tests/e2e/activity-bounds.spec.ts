/**
 * /activity reads at most 30 days and one value per filter (what the indexes
 * serve): a link asking for more is not applied, and the page says which field
 * and why instead of silently showing something else.
 */
import { expect, test } from './test';

test.use({ signedInAs: 'viewer' });

test('an out-of-bound activity link is answered with a message naming each field', async ({ page }) => {
  await page.goto('/activity?span=all&component=Not%20A%20Name&status=healthy&status=failure');
  const problems = page.getByTestId('activity-problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('listitem')).toHaveText([
    'component: must be one component name (lowercase letters, digits, . _ -); not applied',
    'status: give one value (2 were given; the first is used)',
    'span: must be one of 1h, 24h, 7d, 30d (at most 30 days); showing the last 24 hours',
  ]);
  // What is shown instead: the last 24 hours of healthy rows, as the summary and the filters say.
  await expect(page.getByTestId('activity-summary')).toContainText('last 24 hours');
  await expect(page.getByLabel('Status')).toHaveValue('healthy');
  await expect(page.getByLabel('Time')).toHaveValue('24h');
  await expect(page.getByLabel('Time').locator('option')).toHaveText(['Last hour', 'Last 24 hours', 'Last 7 days', 'Last 30 days']);
  await page.screenshot({ path: 'test-results/screenshots/activity-bounds.png' });

  // Clearing the filters leaves no message.
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(problems).toHaveCount(0);
});
