import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

/*
 * The History view in Chromium against a real relay with a journal: 1,200 finished orders, of which
 * the live book keeps only the newest 10 (--keep-terminal 10); every other one is found in history.
 */

const SHOTS = 'e2e/screenshots';
const ORDERS = 1_200;
const idOf = (i: number): string => `old-${String(i).padStart(4, '0')}`;
const statusOf = (i: number): string => (i % 5 === 4 ? 'REJECTED' : i % 5 === 3 ? 'CANCELED' : 'FILLED');

test.use({ relayOptions: { heartbeatMs: 500, args: ['--keep-terminal', '10'] } });

/** Order i was created (1,200 − i) × 2 s ago and finished within the second. */
async function postFinishedOrders(relayUrl: string): Promise<void> {
  const start = nowSec() - ORDERS * 2;
  let batch: Record<string, unknown>[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const ts = start + i * 2;
    const engine = i % 2 === 0 ? 'desk-a' : 'desk-b';
    batch.push(
      created(idOf(i), {
        ts,
        engine,
        symbol: ['BTC-USD', 'ETH-USD', 'SOL-USD'][i % 3],
        side: i % 4 === 0 ? 'sell' : 'buy',
        sizeUsd: 1000 + i,
      }),
    );
    const status = statusOf(i);
    if (status === 'REJECTED') batch.push(transition(idOf(i), 'REJECTED', { ts: ts + 0.3, engine, reason: 'insufficient margin' }));
    else {
      batch.push(transition(idOf(i), 'OPEN', { ts: ts + 0.1, engine, orderId: `EX-${i}` }));
      if (status === 'CANCELED')
        batch.push(
          fill(idOf(i), 400, { ts: ts + 0.2, engine }),
          transition(idOf(i), 'CANCELED', { ts: ts + 0.5, engine, reason: 'operator' }),
        );
      else batch.push(fill(idOf(i), 1000 + i, { ts: ts + 0.5, engine }));
    }
    if (batch.length >= 1_000) {
      await postEvents(relayUrl, batch);
      batch = [];
    }
  }
  await postEvents(relayUrl, batch);
}

const rows = (page: Page) => page.getByRole('grid', { name: 'Finished orders' }).getByRole('rowgroup').getByRole('row');
const count = (page: Page) => page.getByTestId('history-count');

test('History: find an old order, open its timeline, scroll for more, filter by status', async ({ page, relay }) => {
  mkdirSync(SHOTS, { recursive: true });
  await postFinishedOrders(relay.url);
  // The live page holds only the newest finished orders; the History link is in its header.
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  await expect(page.locator('[role=row][data-order-id="old-0005"]')).toHaveCount(0);
  await page.getByTestId('history-link').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('history');

  await expect(rows(page).first()).toHaveAttribute('data-order-id', idOf(ORDERS - 1));
  await expect(count(page)).toContainText('100 loaded so far');

  // Search for an order cleanup took from the live book long ago.
  await page.getByRole('searchbox', { name: 'Search' }).fill('old-0005');
  await expect.poll(() => new URL(page.url()).searchParams.get('hq')).toBe('old-0005');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByText('end of history: 1 order')).toBeVisible();
  await rows(page).first().click();
  const panel = page.getByRole('complementary', { name: /Order old-0005/ });
  await expect(panel.getByTestId('detail-from-history')).toBeVisible();
  const steps = panel.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  // Created, Open, then one fill of the whole size: Filled.
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2)).toContainText('Filled');
  await expect(panel.getByText('EX-5', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/history-detail.png` });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Back to everything, then scroll: the next pages arrive as the end comes near.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(count(page)).toContainText('100 loaded so far');
  const scroller = page.getByTestId('history-scroll');
  for (const expected of ['200 loaded', '300 loaded']) {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(count(page)).toContainText(expected);
  }
  await expect(rows(page).last()).toBeVisible();

  // Filter by status: the list starts again with rejected orders only.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('REJECTED');
  await expect.poll(() => new URL(page.url()).searchParams.get('hstatus')).toBe('REJECTED');
  await expect(rows(page).first()).toHaveAttribute('data-order-id', idOf(ORDERS - 1));
  await expect(count(page)).toContainText('100 loaded so far');
  const statuses = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
  expect(new Set(statuses)).toEqual(new Set(['REJECTED']));
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(count(page)).toContainText('200 loaded');
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByText(`end of history: ${ORDERS / 5} orders`)).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await expect(count(page)).toContainText('100 loaded so far');
  await rows(page).nth(2).click();
  await expect(page.getByRole('complementary', { name: /Order old-1197/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/history.png` });
  copyFileSync(`${SHOTS}/history.png`, 'docs/screenshot-history.png');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/history-1280.png` });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SHOTS}/history-1280-list.png` });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.screenshot({ path: `${SHOTS}/history-1280-light.png` });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();

  // Back to Live: the live filters were never touched.
  await page.getByTestId('history-link').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
  await expect(page.getByRole('grid', { name: 'Orders' })).toBeVisible();
});

test('a link to an order the live book dropped opens its history', async ({ page, relay }) => {
  await postFinishedOrders(relay.url);
  await page.goto(pageUrl(relay.url, { order: idOf(3) }));
  const panel = page.getByRole('complementary', { name: /Order old-0003/ });
  await expect(panel.getByTestId('detail-from-history')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Timeline' }).getByRole('listitem').last()).toContainText('Canceled');
  await page.goto(pageUrl(relay.url, { order: 'never-was-1' }));
  await expect(page.getByRole('complementary', { name: /Order never-was-1/ })).toContainText('neither in the live book nor in history');
});

test.describe('a relay without a journal', () => {
  test.use({ relayOptions: { heartbeatMs: 500, args: ['--data-dir', 'none'] } });

  test('History says why it has nothing, with a Retry', async ({ page, relay }) => {
    await page.goto(pageUrl(relay.url, { view: 'history' }));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load history');
    await expect(alert).toContainText('without a journal');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/history-no-journal.png` });
  });
});
