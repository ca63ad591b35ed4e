import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test.describe("on the page's own clock", () => {
  // Heartbeats far apart: between two, the page measures ages on its own clock (relay time as of
  // the last heartbeat plus the time since), which Playwright steps; nothing waits for real seconds.
  test.use({ relayOptions: { heartbeatMs: 60_000 } });

  test('an order crosses the stale threshold and is highlighted, counted and titled', async ({ page, relay }) => {
    await postEvents(relay.url, [created('done', { ts: nowSec() - 600 }), transition('done', 'REJECTED')]);
    await page.clock.install();
    await page.goto(pageUrl(relay.url, { stale_after: 8 }));
    await expect(page.getByRole('status')).toContainText('LIVE');
    await postEvents(relay.url, [created('young', { ts: nowSec() - 2 }), transition('young', 'OPEN')]);
    const row = page.locator('[role=row][data-order-id="young"]');
    await expect(row).toBeVisible();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10);
    await expect(row).not.toHaveClass(/is-stale/);
    await expect(page).toHaveTitle('Orderwatch');
    await expect(page.getByTestId('stale-count')).toContainText('0');

    // Eight seconds after creation, on the relay's clock, the order goes stale.
    await page.clock.runFor(8_000);
    await expect(row).toHaveClass(/is-stale/);
    await expect(row).toContainText('STALE');
    await expect(row).toContainText(/active for \d+ s — over 8 s limit/);
    await expect(page.getByTestId('stale-count')).toContainText('1');
    await expect(page).toHaveTitle('(1 stale) Orderwatch');
    await expect(page.getByRole('button', { name: /Stale\s+1/ })).toBeVisible();
    // Stale rows come first.
    await expect(page.locator('.orders-grid__body [role=row]').first()).toHaveAttribute('data-order-id', 'young');
    await page.screenshot({ path: 'e2e/screenshots/stale-row.png' });

    // A terminal order never counts, however old.
    await expect(page.locator('[role=row][data-order-id="done"]')).not.toHaveClass(/is-stale/);
  });
});

test.describe("with the relay's own per-status limits off", () => {
  // The relay's NEW-not-acknowledged limit (30 s by default) would mark the unacked order stale at once.
  test.use({ relayOptions: { heartbeatMs: 500, args: ['--stale-new-ack-s', 'off'] } });

  test('the threshold can be changed in the UI and is kept in the URL; per-status limits give their reason', async ({ page, relay }) => {
    await postEvents(relay.url, [
      created('unacked', { ts: nowSec() - 40 }),
      created('opened', { ts: nowSec() - 40 }),
      transition('opened', 'OPEN'),
    ]);
    await page.goto(pageUrl(relay.url));
    await expect(page.locator('[role=row][data-order-id="unacked"]')).toBeVisible();
    await expect(page).toHaveTitle('Orderwatch');

    await page.getByRole('spinbutton', { name: 'Stale after' }).fill('30');
    await page.getByRole('spinbutton', { name: 'Stale after' }).press('Enter');
    await expect(page).toHaveTitle('(2 stale) Orderwatch');
    await expect.poll(() => new URL(page.url()).searchParams.get('stale_after')).toBe('30');

    await page.goto(pageUrl(relay.url, { stale_new: 10 }));
    const unacked = page.locator('[role=row][data-order-id="unacked"]');
    await expect(unacked).toContainText(/NEW for \d+ s — not acknowledged/);
    await expect(page.locator('[role=row][data-order-id="opened"]')).not.toHaveClass(/is-stale/);
    await expect(page).toHaveTitle('(1 stale) Orderwatch');
  });
});
