import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test('a saved view restores exactly (filters, sort, stale limit, columns with their order, pins and widths, breakdown), survives a reload, and opens from its link and on the wall', async ({
  page,
  relay,
  context,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const t = nowSec();
  await postEvents(relay.url, [
    created('sv-a', { symbol: 'BTC-USD', engine: 'alpha', sizeUsd: 300, ts: t - 40 }),
    transition('sv-a', 'OPEN', { ts: t - 39, engine: 'alpha' }),
    created('sv-b', { symbol: 'ETH-USD', engine: 'alpha', sizeUsd: 900, ts: t - 30 }),
    transition('sv-b', 'OPEN', { ts: t - 29, engine: 'alpha' }),
    created('sv-c', { symbol: 'ETH-USD', engine: 'beta', sizeUsd: 500, ts: t - 20 }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const grid = page.getByRole('grid', { name: 'Orders' });
  const ids = () => page.locator('.orders-grid__body [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')));
  const headers = () => grid.getByRole('columnheader').allInnerTexts();
  await expect.poll(ids).toHaveLength(3);
  const columnsMenu = page.locator('.columns-menu > summary');

  const symbolWidth = () =>
    grid.getByRole('columnheader', { name: /^Symbol/ }).evaluate((h) => Math.round(h.getBoundingClientRect().width));

  // Set up a view: engine alpha, largest first, a 120 s limit, Route hidden, Symbol moved left,
  // Engine pinned and Symbol 50 px wider than it was, breakdown by engine.
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('alpha');
  await grid.getByRole('button', { name: /^Size USD/ }).click();
  const threshold = page.getByRole('spinbutton', { name: 'Stale after' });
  await threshold.fill('120');
  await threshold.press('Enter');
  await columnsMenu.click();
  await page.getByRole('checkbox', { name: 'Route' }).uncheck();
  await page.getByRole('button', { name: 'Move Symbol left' }).click();
  await page.getByRole('button', { name: 'Pin Engine' }).click();
  await columnsMenu.click();
  const naturalWidth = await symbolWidth();
  const resize = page.getByRole('separator', { name: 'Resize Symbol' });
  await resize.focus();
  for (let i = 0; i < 5; i++) await resize.press('ArrowRight');
  await expect.poll(symbolWidth).toBe(naturalWidth + 50);
  await page.getByTestId('breakdown').getByRole('button', { name: 'Engine', exact: true }).click();
  await expect.poll(ids).toEqual(['sv-b', 'sv-a']);
  const savedHeaders = await headers();
  expect(savedHeaders[0]).toMatch(/^Engine/);
  expect(savedHeaders.join('|')).not.toContain('Route');
  const savedParams = new URL(page.url()).searchParams;

  const menu = page.getByTestId('saved-views-summary');
  await menu.click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Alpha by size');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(menu).toHaveText('Views: Alpha by size');
  await page.screenshot({ path: 'e2e/screenshots/saved-views.png' });
  await menu.click();

  // Change everything, columns included, then apply the view: all of it comes back.
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('');
  await grid.getByRole('button', { name: /^Symbol/ }).click();
  await threshold.fill('600');
  await threshold.press('Enter');
  await columnsMenu.click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await page.getByRole('button', { name: 'Reset order, widths and pins' }).click();
  await columnsMenu.click();
  await expect.poll(ids).toHaveLength(3);
  expect((await headers())[0]).not.toMatch(/^Engine/);
  await expect(menu).toHaveText('Views');
  await menu.click();
  await page.getByRole('group', { name: 'Saved views' }).getByRole('button', { name: 'Alpha by size', exact: true }).click();
  await expect.poll(ids).toEqual(['sv-b', 'sv-a']);
  expect(await headers()).toEqual(savedHeaders);
  await expect.poll(symbolWidth).toBe(naturalWidth + 50);
  await expect(threshold).toHaveValue('120');
  const applied = new URL(page.url()).searchParams;
  for (const key of ['engine', 'sort', 'stale_after', 'group']) expect(applied.get(key)).toBe(savedParams.get(key));
  expect(applied.get('hide')).toBe('route');
  expect(applied.get('pin')).toBe('engine');
  await expect(menu).toHaveText('Views: Alpha by size');

  // While the view is shown, a change to its columns goes to its URL: the page no longer shows it
  // exactly, and says so; moved back, it does again.
  await columnsMenu.click();
  await page.getByRole('button', { name: 'Move Symbol right' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('cols')).not.toBe(applied.get('cols'));
  await expect(menu).toHaveText('Views');
  await page.getByRole('button', { name: 'Move Symbol left' }).click();
  await columnsMenu.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toBe(applied.get('cols'));

  // Kept by the browser across a reload.
  await page.reload();
  await expect(page.getByTestId('saved-views-summary')).toHaveText('Views: Alpha by size');

  // Its link opens the same view, columns included, in a page of its own.
  await page.getByTestId('saved-views-summary').click();
  const wallHref = await page.getByRole('group', { name: 'Saved views' }).getByRole('link', { name: 'Wall' }).getAttribute('href');
  expect(new URL(wallHref!).searchParams.get('view')).toBe('wall');
  expect(new URL(wallHref!).searchParams.get('stale_after')).toBe('120');
  const shared = new URL(wallHref!);
  shared.searchParams.delete('view');
  const other = await context.newPage();
  await other.setViewportSize({ width: 1920, height: 1080 });
  await other.goto(shared.toString());
  await expect(other.getByRole('status').first()).toContainText('LIVE');
  await expect
    .poll(() => other.locator('.orders-grid__body [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id'))))
    .toEqual(['sv-b', 'sv-a']);
  expect(await other.getByRole('grid', { name: 'Orders' }).getByRole('columnheader').allInnerTexts()).toEqual(savedHeaders);
  const sharedSymbol = other.getByRole('grid', { name: 'Orders' }).getByRole('columnheader', { name: /^Symbol/ });
  expect(await sharedSymbol.evaluate((h) => Math.round(h.getBoundingClientRect().width))).toBe(naturalWidth + 50);
  await other.goto(wallHref!);
  await expect(other.getByTestId('wall')).toBeVisible();
  await other.close();

  // Deleted, it is gone for good.
  await page.getByRole('button', { name: 'Delete Alpha by size' }).click();
  await expect(page.getByText('No saved views yet.')).toBeVisible();
});
