import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

const rowOf = (page: import('@playwright/test').Page, id: string) => page.locator(`[role=row][data-order-id="${id}"]`);
/** The order grid's own headers: the breakdown panel has a Symbol header and button too. */
const grid = (page: import('@playwright/test').Page) => page.getByRole('grid', { name: 'Orders' });

test('rows appear with the right status and fill %, and a fill moves the bar', async ({ page, relay }) => {
  await postEvents(relay.url, [
    created('p-1', { symbol: 'BTC-USD', sizeUsd: 1000 }),
    transition('p-1', 'OPEN', { orderId: 'EX-1' }),
    fill('p-1', 400, { price: 97_000 }),
    created('f-1', { symbol: 'ETH-USD', side: 'sell', sizeUsd: 500 }),
    transition('f-1', 'OPEN'),
    fill('f-1', 500, { price: 3100 }),
    created('r-1', { symbol: 'SOL-USD' }),
    transition('r-1', 'REJECTED', { reason: 'insufficient margin' }),
    created('n-1', { symbol: 'DOGE-USD', route: 'live' }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status')).toContainText('LIVE');

  await expect(rowOf(page, 'p-1')).toContainText('Partial');
  await expect(rowOf(page, 'p-1')).toContainText('40.0%');
  await expect(rowOf(page, 'p-1')).toContainText('EX-1');
  await expect(rowOf(page, 'f-1')).toContainText('Filled');
  await expect(rowOf(page, 'f-1')).toContainText('100%');
  await expect(rowOf(page, 'r-1')).toContainText('Rejected');
  await expect(rowOf(page, 'n-1')).toContainText('New');

  const bar = rowOf(page, 'p-1').locator('.fill-bar__fill');
  const before = await bar.evaluate((el) => el.getBoundingClientRect().width);
  await postEvents(relay.url, [fill('p-1', 750, { price: 97_000 })]);
  await expect(rowOf(page, 'p-1')).toContainText('75.0%');
  await expect(rowOf(page, 'p-1').locator('.fill-bar')).toHaveAttribute('data-pct', '75.0');
  await expect.poll(() => bar.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(before);

  await page.screenshot({ path: 'e2e/screenshots/main-view.png' });
});

test('filters, search and sort live in the URL and survive a reload', async ({ page, relay }) => {
  await postEvents(relay.url, [
    created('o-btc', { symbol: 'BTC-USD' }),
    transition('o-btc', 'OPEN'),
    created('o-eth', { symbol: 'ETH-USD', side: 'sell' }),
    transition('o-eth', 'OPEN'),
    created('n-eth', { symbol: 'ETH-USD' }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(rowOf(page, 'n-eth')).toBeVisible();

  await page.getByRole('button', { name: /^◔?\s*Open\s+2$/ }).click();
  await expect(rowOf(page, 'n-eth')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('eth');
  await expect(rowOf(page, 'o-btc')).toHaveCount(0);
  await expect(rowOf(page, 'o-eth')).toBeVisible();
  await grid(page)
    .getByRole('columnheader', { name: /Symbol/ })
    .getByRole('button')
    .click();
  await expect(grid(page).getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('eth');
  const url = new URL(page.url());
  expect(url.searchParams.get('status')).toBe('OPEN');
  expect(url.searchParams.get('sort')).toMatch(/^-?symbol$/);

  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('eth');
  await expect(page.getByRole('button', { name: /Open\s+2/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(rowOf(page, 'o-eth')).toBeVisible();
  await expect(rowOf(page, 'o-btc')).toHaveCount(0);
  await expect(rowOf(page, 'n-eth')).toHaveCount(0);

  // Keyboard: focus the grid, move, select → the URL names the order for the detail panel.
  await page.getByRole('grid', { name: 'Orders' }).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('o-eth');
});

test('hostile engine strings are shown as text', async ({ page, relay }) => {
  const hostile = '<img src=x onerror="window.__xss=1">';
  await postEvents(relay.url, [created('xss-1', { symbol: hostile, engine: '<b>bold</b>' })]);
  await page.goto(pageUrl(relay.url));
  await expect(rowOf(page, 'xss-1')).toContainText(hostile);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(rowOf(page, 'xss-1').locator('img, b')).toHaveCount(0);
});

test('dark by default; the light theme is remembered across reloads', async ({ page, relay }) => {
  await postEvents(relay.url, [
    created('t-1', { ts: Date.now() / 1000 - 900 }),
    transition('t-1', 'OPEN'),
    fill('t-1', 300),
    created('t-2'),
  ]);
  await page.goto(pageUrl(relay.url, { stale_new: 30 }));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(rowOf(page, 't-1')).toContainText('STALE');
  await page.locator('.stale-rules summary').click();
  await page.screenshot({ path: 'e2e/screenshots/main-view-light.png' });
});

test('shift+click sorts by a second column within the first, numbered in the headers and kept in the URL', async ({ page, relay }) => {
  const t = nowSec();
  const orders = [
    ['ms-a', 'ETH-USD', 3000],
    ['ms-b', 'BTC-USD', 1000],
    ['ms-c', 'ETH-USD', 1000],
    ['ms-d', 'BTC-USD', 2000],
  ] as const;
  await postEvents(
    relay.url,
    orders.map(([id, symbol, sizeUsd], i) => created(id, { ts: t - 10 + i, symbol, sizeUsd })),
  );
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const ids = () => page.locator('.orders-grid__body [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')));
  await grid(page)
    .getByRole('button', { name: /^Symbol/ })
    .click();
  // A number column sorts largest first on its first click.
  await grid(page)
    .getByRole('button', { name: /^Size USD/ })
    .click({ modifiers: ['Shift'] });
  await expect.poll(ids).toEqual(['ms-d', 'ms-b', 'ms-a', 'ms-c']);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('symbol,-size_usd');
  await expect(grid(page).getByRole('columnheader', { name: /Size USD/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(
    grid(page)
      .getByRole('columnheader', { name: /Size USD/ })
      .locator('.sort-button__rank'),
  ).toHaveText('2');
  await page.reload();
  await expect.poll(ids).toEqual(['ms-d', 'ms-b', 'ms-a', 'ms-c']);
  // A plain click sorts by that column alone again.
  await grid(page)
    .getByRole('button', { name: /^Symbol/ })
    .click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toMatch(/^-?symbol$/);
});
