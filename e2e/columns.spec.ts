import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test('columns hidden from the Columns menu leave header and rows alike, are remembered across a reload, and come back with Show all', async ({
  page,
  relay,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const t = nowSec();
  await postEvents(relay.url, [created('col-1', { ts: t - 5 }), transition('col-1', 'OPEN', { ts: t - 4, orderId: 'EX-1' })]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const grid = page.getByRole('grid', { name: 'Orders' });
  const headers = grid.getByRole('columnheader');
  const row = grid.locator('[role=row][data-order-id="col-1"]');
  await expect(headers).toHaveCount(14);
  await expect(row.getByRole('gridcell')).toHaveCount(14);

  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Fees' }).uncheck();
  await page.getByRole('checkbox', { name: 'Route' }).uncheck();
  await expect(headers).toHaveCount(12);
  await expect(row.getByRole('gridcell')).toHaveCount(12);
  await expect(headers.filter({ hasText: 'Fees' })).toHaveCount(0);
  await expect(page.getByText('Columns · 2 hidden')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/columns-menu.png' });
  // Each remaining header still sits over its cells.
  for (let i = 0; i < 12; i += 3) {
    const [h, c] = [(await headers.nth(i).boundingBox())!, (await row.getByRole('gridcell').nth(i).boundingBox())!];
    expect(Math.abs(h.x - c.x)).toBeLessThanOrEqual(1);
  }

  await page.reload();
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  await expect(headers).toHaveCount(12);
  await expect(row.getByRole('gridcell')).toHaveCount(12);

  await page.getByText('Columns · 2 hidden').click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(headers).toHaveCount(14);
  await expect(row.getByRole('gridcell')).toHaveCount(14);
  await expect(row.getByRole('gridcell').nth(8)).toHaveText('0.00');
});
