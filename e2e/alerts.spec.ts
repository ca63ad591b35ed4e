import { copyFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, startRelayProcess, test } from './fixtures/relay';

/** A NEW order is stale 1 s after it was created; the relay evaluates its rules every second. */
const ALERT_ARGS = ['--stale-new-ack-s', '1', '--engine-silent-after', 'off'];
test.use({ relayOptions: { heartbeatMs: 500, args: ALERT_ARGS } });

/** Records every Notification the page makes (Chromium's own would go to a desktop that is not there). */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { title: string; tag: string | undefined; body: string | undefined }[] = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    class Recorded {
      static readonly permission = 'granted';
      static requestPermission(): Promise<string> {
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, tag: options?.tag, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true });
  });
}

function alertItem(page: Page, orderId: string) {
  return page.locator(`[data-alert-id^="stale_order:${orderId}@"]`);
}

test('a stale order alerts every screen; one operator acknowledges it, the other screen shows it at once, it survives a relay restart and resolves when the order fills', async ({
  browser,
  relay,
}) => {
  const desk = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const a = await desk.newPage();
  const b = await wall.newPage();
  await recordNotifications(a);
  try {
    await a.goto(pageUrl(relay.url));
    await b.goto(pageUrl(relay.url));
    await expect(a.getByRole('status')).toContainText('LIVE');
    await a.getByTestId('alert-notify').click();
    await expect(a.getByTestId('alert-notify')).toHaveText('Notifications on');

    await postEvents(relay.url, [created('al-1', { ts: nowSec() - 5 })]);
    await expect(a.getByTestId('alert-bar')).toContainText('1 firing · 1 stale');
    await expect(b.getByTestId('alert-bar')).toContainText('1 firing');
    // The notification replaces rather than piles up: its tag is the alert's id.
    await expect
      .poll(() => a.evaluate(() => (window as unknown as { __notifications: { tag: string }[] }).__notifications))
      .toEqual([expect.objectContaining({ title: 'Stale order (warning)', tag: expect.stringMatching(/^stale_order:al-1@\d+$/) })]);
    await expect(a).toHaveTitle(/^\(1 stale\) Orderwatch$/);

    await a.getByTestId('alert-bar').click();
    await a.getByLabel(/Your name/).fill('Dana');
    await a.getByRole('button', { name: 'Save' }).click();
    await alertItem(a, 'al-1').getByRole('button', { name: 'Acknowledge' }).click();
    await alertItem(a, 'al-1').getByPlaceholder('comment (optional)').fill('calling the desk');
    await alertItem(a, 'al-1').getByRole('button', { name: 'Confirm' }).click();
    await expect(alertItem(a, 'al-1')).toHaveAttribute('data-state', 'acknowledged');

    // The other screen hears of it on its stream: no reload, no poll.
    await expect(b.getByTestId('alert-bar')).toContainText('No alerts firing · 1 acknowledged or snoozed');
    await b.getByTestId('alert-bar').click();
    await expect(alertItem(b, 'al-1')).toHaveAttribute('data-state', 'acknowledged');
    await expect(alertItem(b, 'al-1')).toContainText(/acked by Dana \d+ s ago: “calling the desk”/);
    await a.screenshot({ path: 'e2e/screenshots/alerts.png' });
    copyFileSync('e2e/screenshots/alerts.png', 'docs/screenshot-alerts.png');

    // The relay restarts on its journal: still acknowledged, by the same person.
    await relay.stop();
    const restarted = await startRelayProcess({ heartbeatMs: 500, port: relay.port, dataDir: relay.dataDir, args: ALERT_ARGS });
    try {
      await expect(b.getByRole('status')).toContainText('LIVE', { timeout: 20_000 });
      await expect(alertItem(b, 'al-1')).toHaveAttribute('data-state', 'acknowledged');
      await expect(alertItem(b, 'al-1')).toContainText('acked by Dana');

      // The order is acknowledged by the exchange and fills: the alert resolves by itself.
      await postEvents(restarted.url, [transition('al-1', 'OPEN'), fill('al-1', 1000)]);
      await expect(alertItem(b, 'al-1')).toHaveAttribute('data-state', 'resolved');
      await expect(alertItem(a, 'al-1')).toHaveAttribute('data-state', 'resolved', { timeout: 20_000 });
    } finally {
      await restarted.stop();
    }
  } finally {
    await desk.close();
    await wall.close();
  }
});

test('while the relay is down the page says so in the title and freezes its figures "as of" the last data', async ({ page, relay }) => {
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status')).toContainText('LIVE');
  await postEvents(relay.url, [created('fz-1', { ts: nowSec() - 5 })]);
  await expect(page.getByTestId('stale-count')).toContainText('1');
  await expect(page).toHaveTitle('(1 stale) Orderwatch');
  await relay.stop();
  await expect(page).toHaveTitle('(1 stale · FEED DOWN) Orderwatch', { timeout: 10_000 });
  const asOf = page.getByTestId('frozen-as-of');
  await expect(asOf).toHaveText(/^ as of \d\d:\d\d:\d\d UTC$/);
  // Frozen: the row's age does not move while nothing is arriving.
  const age = page.locator('[role=row][data-order-id="fz-1"] .age-timer');
  const before = await age.textContent();
  // Waits on the page itself: once the feed has made two more reconnect attempts (each after a
  // backoff of a second or more), its 1 Hz clock has ticked, and the frozen age must not have moved.
  const status = page.getByRole('status');
  const attempt = async (): Promise<number> => Number(/attempt (\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? 0);
  const first = await attempt();
  await expect.poll(attempt, { timeout: 30_000 }).toBeGreaterThanOrEqual(first + 2);
  expect(await age.textContent()).toBe(before);
  await expect(asOf).toBeVisible();
});
