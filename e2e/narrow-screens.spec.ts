import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
]) {
  test(`at ${size.width}×${size.height} the table starts with a narrow set and the id pinned, and every column can be scrolled to, its header above its cells`, async ({
    page,
    relay,
  }) => {
    await page.setViewportSize(size);
    const t = nowSec();
    await postEvents(
      relay.url,
      Array.from({ length: 30 }, (_, i) => [
        created(`narrow-${i}`, { ts: t - 30 - i }),
        transition(`narrow-${i}`, 'OPEN', { ts: t - 20, orderId: `EX-${i}` }),
        fill(`narrow-${i}`, 250, { ts: t - 10 }),
      ]).flat(),
    );
    await page.goto(pageUrl(relay.url));
    await expect(page.getByRole('status').first()).toContainText('LIVE');
    const grid = page.getByRole('grid', { name: 'Orders' });
    const scroller = grid.locator('.orders-grid__scroll');
    await expect(grid.locator('.orders-grid__body [role=row]').first()).toBeVisible();
    const frame = (await scroller.boundingBox())!;
    const headers = grid.getByRole('columnheader');
    // A browser with no column choice starts with the narrow set: two money details hidden, the id pinned first.
    await expect(headers).toHaveCount(12);
    await expect(headers.first()).toContainText('Client order id');
    await expect(page.locator('.columns-menu > summary')).toHaveText('Columns · 2 hidden · 1 pinned');
    await page.locator('.columns-menu > summary').click();
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.locator('.columns-menu > summary').click();
    await expect(headers).toHaveCount(14);
    const count = await headers.count();
    // The frame is narrower than the columns: it scrolls sideways rather than hiding them.
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const firstRow = grid.locator('.orders-grid__body [role=row]').first();
    for (let i = 0; i < count; i++) {
      const cell = firstRow.getByRole('gridcell').nth(i);
      // Where an operator's shift+wheel or scrollbar would take it.
      await cell.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
      await expect
        .poll(async () => {
          const [c, h] = [(await cell.boundingBox())!, (await headers.nth(i).boundingBox())!];
          const inside = c.x >= frame.x - 1 && c.x + c.width <= frame.x + frame.width + 1;
          return inside && Math.abs(c.x - h.x) <= 1 && Math.abs(c.width - h.width) <= 1;
        })
        .toBe(true);
    }
    // Shift+wheel scrolls it too.
    await scroller.evaluate((el) => (el.scrollLeft = 0));
    await scroller.hover();
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, 400);
    await page.keyboard.up('Shift');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.screenshot({ path: `e2e/screenshots/narrow-${size.width}.png` });
  });
}
