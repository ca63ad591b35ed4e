import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

const rowOf = (page: import('@playwright/test').Page, id: string) => page.locator(`[role=row][data-order-id="${id}"]`);

test('the detail panel follows an order live: create → OPEN → fill → FILLED', async ({ page, relay }) => {
  await postEvents(relay.url, [created('d-1', { symbol: 'ETH-USD', sizeUsd: 2000 })]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  await rowOf(page, 'd-1').click();

  const panel = page.getByRole('complementary', { name: /Order d-1/ });
  await expect(panel).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('d-1');
  const steps = panel.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText('order created');

  await postEvents(relay.url, [transition('d-1', 'OPEN', { orderId: 'EX-77' })]);
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(1)).toContainText('Open');
  await expect(panel.getByText('EX-77')).toBeVisible();

  await postEvents(relay.url, [fill('d-1', 500, { price: 3000, fees: 0.5 })]);
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2)).toContainText('Partial');
  await expect(steps.nth(2)).toContainText('fill (auto)');

  await postEvents(relay.url, [fill('d-1', 2000, { price: 3000, fees: 2 })]);
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(3)).toContainText('Filled');
  await expect(steps.nth(3)).toContainText('final');
  // Every earlier state shows the time spent in it.
  for (let i = 0; i < 3; i++) await expect(steps.nth(i)).toContainText(/\d+(\.\d)? (ms|s)/);
  await expect(panel.getByRole('heading', { name: 'Fills (2)' })).toBeVisible();
  const fills = panel.getByRole('table').getByRole('row');
  await expect(fills.nth(2)).toContainText('1,500.00');
  await expect(fills.nth(2)).toContainText('100%');

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('order')).toBeNull();
});

test('an invalid transition shows in the anomalies view and leads to its order', async ({ page, relay }) => {
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const view = page.getByRole('region', { name: /^Anomalies \d/ });
  await expect(view).toContainText('No anomalies');

  await postEvents(relay.url, [
    created('bad-1', { symbol: 'SOL-USD' }),
    transition('bad-1', 'OPEN'),
    fill('bad-1', 1000, { price: 150 }),
    transition('bad-1', 'OPEN'),
  ]);
  const counts = view.getByRole('list', { name: 'Anomalies by kind' });
  await expect(counts.getByRole('button', { name: /Invalid transition/ })).toContainText('1');
  // One per kind the core knows (src/core/anomaly.ts), future_timestamp the eighth.
  await expect(counts.getByRole('listitem')).toHaveCount(8);
  const row = view
    .getByRole('list', { name: /Recent anomalies/ })
    .getByRole('listitem')
    .filter({ hasText: 'bad-1' });
  await expect(row).toContainText('Invalid transition');
  await expect(row).toContainText('FILLED → OPEN is not allowed (FILLED is terminal)');

  await row.getByRole('button', { name: 'bad-1' }).click();
  const panel = page.getByRole('complementary', { name: /Order bad-1/ });
  await expect(panel.getByRole('heading', { name: 'Anomalies (1)' })).toBeVisible();
});

test('an order that is not in the book says so', async ({ page, relay }) => {
  await page.goto(pageUrl(relay.url, { order: 'never-seen' }));
  await expect(page.getByRole('complementary', { name: /Order never-seen/ })).toContainText('neither in the live book nor in history');
});

test('at 1920×1080 the open detail sits beside the stale list and covers no tile, no table control and no stale order', async ({
  page,
  relay,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const old = nowSec() - 900;
  await postEvents(relay.url, [created('beside-1', { ts: old }), transition('beside-1', 'OPEN', { ts: old + 1 }), created('beside-2')]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  await page.locator('[role=row][data-order-id="beside-2"]').click();
  const detail = page.getByRole('complementary', { name: /Order beside-2/ }).or(page.locator('.ow-detail'));
  await expect(detail).toBeVisible();
  const box = (await detail.boundingBox())!;
  const overlaps = (b: { x: number; y: number; width: number; height: number }) =>
    b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height;
  const mustShow = [
    page.getByRole('button', { name: 'Export CSV' }),
    page.getByRole('region', { name: /Stale orders/ }).getByRole('button', { name: /^beside-1:/ }),
    ...(await page.getByTestId(/^tile-/).all()),
  ];
  for (const item of mustShow) {
    await expect(item).toBeVisible();
    const b = (await item.boundingBox())!;
    expect(overlaps(b), (await item.textContent()) ?? '').toBe(false);
    expect(b.x + b.width).toBeLessThanOrEqual(1920);
  }
  expect(box.y + box.height).toBeLessThanOrEqual(1081);
  await page.screenshot({ path: 'e2e/screenshots/detail-beside.png' });
});
