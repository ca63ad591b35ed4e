import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

// The stale reasons asserted are the age limit's: the relay's NEW-not-acknowledged limit is off here.
test.use({ relayOptions: { heartbeatMs: 500, staleAfterSec: 300, args: ['--stale-new-ack-s', 'off'] } });

/** A few stale orders among working and finished ones. */
function wallMix(): object[] {
  const events: object[] = [];
  const t = nowSec();
  for (let i = 0; i < 40; i++) {
    const id = `w-${i}`;
    events.push(
      created(id, { ts: t - (i < 25 ? 900 - i * 10 : 60), symbol: ['BTC-USD', 'ETH-USD', 'SOL-USD'][i % 3]!, sizeUsd: 1000 + i * 250 }),
    );
    if (i % 4 === 0) continue;
    events.push(transition(id, 'OPEN', { ts: t - 50 }));
    if (i % 4 === 1) events.push(fill(id, 400 + i * 100, { ts: t - 40 }));
    if (i % 4 === 2 && i >= 25) events.push(fill(id, 1000 + i * 250, { ts: t - 30 }));
  }
  return events;
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`the wall at ${size.width}×${size.height} shows everything with no scrollbars`, async ({ page, relay }) => {
    await page.setViewportSize(size);
    await postEvents(relay.url, wallMix());
    await page.goto(pageUrl(relay.url, { view: 'wall' }));
    const wall = page.getByTestId('wall');
    await expect(wall.getByRole('status')).toContainText('LIVE');

    const staleTile = wall.getByTestId('tile-stale');
    await expect(staleTile).toContainText(/\d+/);
    const stale = wall.getByRole('region', { name: /Stale orders/ });
    await expect(stale.getByRole('heading')).toContainText(/Stale orders\s*\d+/);
    await expect(stale.getByRole('listitem').first()).toContainText(/over 300 s limit/);
    await expect(wall.getByRole('region', { name: 'Orders by status' })).toContainText('Partial');
    await expect(wall.getByLabel('Relay time (UTC)')).toHaveText(/\d\d:\d\d:\d\d/);
    await expect(page).toHaveTitle(/^\(\d+ stale\) Orderwatch$/);

    const metrics = await page.evaluate(() => ({
      scrollHeight: document.scrollingElement!.scrollHeight,
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
    }));
    expect(metrics.scrollHeight).toBeLessThanOrEqual(metrics.innerHeight);
    expect(metrics.scrollWidth).toBeLessThanOrEqual(metrics.innerWidth);

    // Nothing that matters sits below the fold, and the stale list does not scroll either.
    for (const region of [staleTile, stale, wall.getByRole('region', { name: 'Orders by status' }), wall.getByRole('status')]) {
      const box = await region.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 1);
    }
    // Nothing clipped sideways either: every legend line ends inside its panel.
    const panel = await wall.getByRole('region', { name: 'Orders by status' }).boundingBox();
    for (const item of await wall.getByRole('list', { name: 'Status counts' }).getByRole('listitem').all()) {
      const box = await item.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
    }
    const body = stale.locator('.ow-stale__body');
    // The list refits from a ResizeObserver once the layout settles: wait for that, then it must not scroll.
    await expect.poll(() => body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

    // Legible across the room: stale rows at least ~2% of the screen height.
    const rowFont = await stale
      .getByRole('listitem')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el.firstElementChild!).fontSize));
    expect(rowFont).toBeGreaterThanOrEqual(size.height * 0.019);
    // The stale figure is the dominant number: no text on the wall is as large.
    const sizes = await page.evaluate(() => {
      const figure = document.querySelector('[data-testid="tile-stale"] .num')!;
      let largestElse = 0;
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid="wall"] *')) {
        if (el === figure || figure.contains(el) || el.contains(figure)) continue;
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (hasText && el.getClientRects().length > 0) largestElse = Math.max(largestElse, parseFloat(getComputedStyle(el).fontSize));
      }
      return { figure: parseFloat(getComputedStyle(figure).fontSize), largestElse };
    });
    expect(sizes.figure).toBeGreaterThan(sizes.largestElse * 1.5);
    // Each stale row names the order and its engine, so it can be called out across the room.
    const firstStale = stale.getByRole('listitem').first();
    await expect(firstStale.locator('.ow-stale__id')).toHaveText(/^w-\d+$/);
    await expect(firstStale.locator('.ow-stale__id')).toBeVisible();
    await expect(firstStale.locator('.ow-stale__engine')).toHaveText('e2e');
    await expect(firstStale.locator('.ow-stale__engine')).toBeVisible();
    // Read-only but for its speaker: the only things to click are "Arm sound" and the mutes.
    const buttons = await wall.getByRole('button').allTextContents();
    expect(buttons.length).toBeGreaterThan(0);
    for (const text of buttons) expect(text).toMatch(/^(Arm sound|Mute)/);
    await page.screenshot({ path: `e2e/screenshots/wall-${size.height}.png` });
  });
}
