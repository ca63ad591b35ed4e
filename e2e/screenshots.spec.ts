import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { created, fill, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';
import { seededMix } from './fixtures/seeded-mix';

test.use({ relayOptions: { heartbeatMs: 500, staleAfterSec: 300 } });

const SHOTS = 'e2e/screenshots';

/** Two animation frames: what React committed has been laid out and painted. */
async function settledFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Seeded desk hour, plus two engine mistakes so the anomalies view has something to show. */
async function seed(relayUrl: string): Promise<void> {
  await postEvents(relayUrl, seededMix(20261124, 700, 7));
  await postEvents(relayUrl, [
    created('ord-bug1', { symbol: 'ETH-USD', engine: 'exec-us-2' }),
    transition('ord-bug1', 'OPEN', { engine: 'exec-us-2' }),
    fill('ord-bug1', 1000, { price: 3412, engine: 'exec-us-2' }),
    transition('ord-bug1', 'CANCELED', { engine: 'exec-us-2' }),
    fill('ord-ghost', 120, { price: 187, engine: 'exec-eu-1' }),
  ]);
}

/** A few live events after the page loaded, as a running engine would send. */
async function trickle(relayUrl: string): Promise<void> {
  await postEvents(relayUrl, [
    created('ord-live1', { symbol: 'BTC-USD', sizeUsd: 4_800, engine: 'exec-eu-1', route: 'live' }),
    transition('ord-live1', 'OPEN', { engine: 'exec-eu-1', orderId: 'EX5550101' }),
    fill('ord-live1', 1_900, { price: 97_405.5, fees: 0.76, engine: 'exec-eu-1' }),
  ]);
}

test('screenshots of the main view and the wall with realistic data', async ({ page, relay }) => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync('docs', { recursive: true });
  await seed(relay.url);
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  await expect(page.getByTestId('stale-count')).toContainText('7');
  // Charts and tiles publish once a second: let them catch up with the snapshot.
  await expect(page.getByTestId('tile-stale')).toContainText('7');
  const partial = Number(await page.getByTestId('tile-partial').locator('.ow-tile__value .num').innerText());
  await trickle(relay.url);
  // The live order is partly filled: once the tiles count it, the charts (same 1 s publish) have it too.
  await expect(page.getByTestId('tile-partial').locator('.ow-tile__value .num')).toHaveText(String(partial + 1));
  await expect(page.locator('[role=row][data-order-id="ord-live1"]')).toBeVisible();
  await settledFrames(page);
  await page.screenshot({ path: `${SHOTS}/main.png` });
  copyFileSync(`${SHOTS}/main.png`, 'docs/screenshot-main.png');

  // The desk at the other sizes operators use; each load picks the defaults for its width (narrow: id pinned, two columns hidden).
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 800 },
    { width: 3840, height: 2160 },
  ]) {
    await page.setViewportSize(size);
    await page.reload();
    await expect(page.getByRole('status').first()).toContainText('LIVE');
    await expect(page.getByTestId('tile-stale')).toContainText('7');
    await expect(page.getByRole('grid', { name: 'Orders' }).locator('.orders-grid__body [role=row]').first()).toBeVisible();
    await settledFrames(page);
    await page.screenshot({ path: `${SHOTS}/main-${size.width}.png` });
    copyFileSync(`${SHOTS}/main-${size.width}.png`, `docs/screenshot-main-${size.width}.png`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.reload();
  await expect(page.getByRole('status').first()).toContainText('LIVE');

  // The side column scrolls: capture its lower part (quality figures, anomalies) too.
  await page.getByRole('region', { name: /^Anomalies \d/ }).scrollIntoViewIfNeeded();
  await page.locator('.page__side').screenshot({ path: `${SHOTS}/main-side.png` });

  // A partly filled stale order: timeline, fills and the stale reason all have something to show.
  await page.locator('.ow-stale__row').filter({ hasText: 'Partial' }).first().click();
  await expect(page.getByRole('complementary', { name: /Order/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/main-detail.png` });

  // The light theme, for the daytime desk; then back to dark, which the browser remembers.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await settledFrames(page);
  await page.screenshot({ path: `${SHOTS}/main-light.png` });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();

  await page.goto(pageUrl(relay.url, { view: 'wall' }));
  await expect(page.getByTestId('wall').getByRole('status')).toContainText('LIVE');
  await expect(page.getByTestId('wall').getByTestId('tile-stale')).toContainText('7');
  await settledFrames(page);
  await page.screenshot({ path: `${SHOTS}/wall-1080-seeded.png` });
  copyFileSync(`${SHOTS}/wall-1080-seeded.png`, 'docs/screenshot-wall.png');
});
