import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test('a narrow screen starts with the id pinned; columns reorder, resize and pin from the header and the Columns menu, stay put while the table scrolls sideways, and are remembered across a reload', async ({
  page,
  relay,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const t = nowSec();
  await postEvents(relay.url, [
    created('lay-1', { ts: t - 5, symbol: 'ETH-USD' }),
    transition('lay-1', 'OPEN', { ts: t - 4, orderId: 'EX-1' }),
    created('lay-stale', { ts: t - 900 }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const grid = page.getByRole('grid', { name: 'Orders' });
  const headers = grid.getByRole('columnheader');
  const row = grid.locator('[role=row][data-order-id="lay-1"]');
  const headerTexts = async (): Promise<string[]> =>
    (await headers.locator('.sort-button').allInnerTexts()).map((s) => s.replace(/[↑↓\d\s]+$/u, '').trim());

  // A narrow screen starts with the client order id pinned first, in the header and in every row.
  await expect(headers.first()).toContainText('Client order id');
  await expect(row.getByRole('gridcell').first()).toHaveText('lay-1');
  await page.locator('.columns-menu > summary').click();
  await expect(page.getByRole('button', { name: 'Pin Client order id' })).toHaveAttribute('aria-pressed', 'true');
  // Pinning another puts it after the pinned ones; unpinning sends it back to the first place after them.
  await page.getByRole('button', { name: 'Pin Engine' }).click();
  await expect(page.getByRole('button', { name: 'Pin Engine' })).toHaveAttribute('aria-pressed', 'true');
  expect((await headerTexts()).slice(0, 3)).toEqual(['Client order id', 'Engine', 'Age']);
  await page.getByRole('button', { name: 'Pin Engine' }).click();
  expect((await headerTexts()).slice(0, 3)).toEqual(['Client order id', 'Engine', 'Age']);
  await page.getByRole('button', { name: 'Move Engine right' }).click();
  expect((await headerTexts()).slice(0, 3)).toEqual(['Client order id', 'Age', 'Engine']);
  await page.getByRole('button', { name: 'Reset order, widths and pins' }).click();
  await page.getByRole('button', { name: 'Pin Client order id' }).click();
  // Move Symbol left past Status.
  await page.getByRole('button', { name: 'Move Symbol left' }).click();
  expect((await headerTexts()).slice(0, 4)).toEqual(['Client order id', 'Age', 'Symbol', 'Status']);
  await expect(row.getByRole('gridcell').nth(2)).toContainText('ETH-USD');
  await expect(page.locator('.columns-menu > summary')).toContainText('2 hidden · 1 pinned');
  await page.locator('.columns-menu > summary').click();

  // Drag Symbol's edge 80 px wider: header and cells widen together.
  const symbolHeader = headers.nth(2);
  const before = (await symbolHeader.boundingBox())!.width;
  const handle = page.getByRole('separator', { name: 'Resize Symbol' });
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(hb.x + hb.width / 2 + 40, hb.y + hb.height / 2, { steps: 4 });
  await page.mouse.move(hb.x + hb.width / 2 + 80, hb.y + hb.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await symbolHeader.boundingBox())!.width - before)).toBe(80);
  expect(Math.round((await row.getByRole('gridcell').nth(2).boundingBox())!.width)).toBe(Math.round(before + 80));
  // The keyboard nudges it too.
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await symbolHeader.boundingBox())!.width - before)).toBe(70);

  // Scrolled sideways to the end, the pinned id stays at the grid's start over the scrolling cells.
  const scroller = grid.locator('.orders-grid__scroll');
  const gridLeft = (await scroller.boundingBox())!.x;
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  await expect(headers.last()).toBeInViewport();
  const pinnedHead = (await headers.first().boundingBox())!;
  const pinnedCell = (await row.getByRole('gridcell').first().boundingBox())!;
  expect(Math.abs(pinnedHead.x - gridLeft)).toBeLessThanOrEqual(2);
  expect(Math.abs(pinnedCell.x - gridLeft)).toBeLessThanOrEqual(2);
  // Age scrolled under it, and the pinned cell is opaque (the cells passing under do not show through).
  expect((await headers.nth(1).boundingBox())!.x).toBeLessThan(pinnedHead.x);
  const staleRow = grid.locator('[role=row][data-order-id="lay-stale"]');
  await expect(staleRow).toHaveClass(/is-stale/);
  const pinnedBg = await staleRow
    .getByRole('gridcell')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(pinnedBg).toMatch(/^rgb\(/);
  await page.screenshot({ path: 'e2e/screenshots/column-layout-1280.png' });

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  expect((await headerTexts()).slice(0, 4)).toEqual(['Client order id', 'Age', 'Symbol', 'Status']);
  expect(Math.round((await headers.nth(2).boundingBox())!.width - before)).toBe(70);

  // Reset gives back the table's own order, widths and no pins.
  await page.locator('.columns-menu > summary').click();
  await page.getByRole('button', { name: 'Reset order, widths and pins' }).click();
  expect((await headerTexts()).slice(0, 3)).toEqual(['Age', 'Status', 'Symbol']);
  await expect(page.getByRole('button', { name: 'Pin Client order id' })).toHaveAttribute('aria-pressed', 'false');
});
