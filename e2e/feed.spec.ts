import { created, fill, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, startRelayProcess, test } from './fixtures/relay';

const HEARTBEAT_MS = 500;
test.use({ relayOptions: { heartbeatMs: HEARTBEAT_MS } });

test('feed goes LIVE, shows a dimmed view with a banner when the relay stops, and after a restart resumes where it was: the OPEN order is still there', async ({
  page,
  relay,
}) => {
  await postEvents(relay.url, [created('before-1'), transition('before-1', 'OPEN', { orderId: 'X1' }), created('before-2')]);
  await page.goto(pageUrl(relay.url));
  const status = page.getByRole('status');
  await expect(status).toContainText('LIVE');
  await expect(page.locator('[role=row][data-order-id="before-1"]')).toBeVisible();
  await expect(page.getByTestId('feed-banner')).toHaveCount(0);

  await relay.stop();
  // The page tells the operator after two missed heartbeats; the bound is generous because a loaded
  // CI machine may run the page's timers late, and the banner stays up until the relay is back.
  const banner = page.getByTestId('feed-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText(/Data as of \d\d:\d\d:\d\d UTC — (RECONNECTING|STALE FEED)/);
  await expect(page.locator('main.page')).toHaveClass(/is-dimmed/);
  await expect(status).toContainText(/RECONNECTING \(attempt \d+\)/, { timeout: 15_000 });
  await page.screenshot({ path: 'e2e/screenshots/feed-reconnecting.png' });

  // The relay restarts on the same port with its journal: nothing it knew is lost, and the page
  // resumes with Last-Event-ID (its book is never replaced by a snapshot).
  const restarted = await startRelayProcess({ heartbeatMs: HEARTBEAT_MS, port: relay.port, dataDir: relay.dataDir });
  try {
    await postEvents(restarted.url, [created('after-1', { symbol: 'ETH-USD' }), transition('after-1', 'OPEN'), fill('after-1', 250)]);
    await expect(status).toContainText('LIVE', { timeout: 15_000 });
    await expect(banner).toHaveCount(0);
    await expect(page.locator('main.page')).not.toHaveClass(/is-dimmed/);
    const row = page.locator('[role=row][data-order-id="after-1"]');
    await expect(row).toBeVisible();
    await expect(row).toContainText('Partial');
    await expect(row).toContainText('25.0%');
    // The working order that saw no event since the restart, the one that would turn stale, is still shown.
    await expect(page.locator('[role=row][data-order-id="before-1"]')).toContainText('Open');
    await expect(page.locator('[role=row][data-order-id="before-2"]')).toBeVisible();
    await expect(page.getByTestId('book-replaced')).toHaveCount(0);
    // A new page gets the same book from the restarted relay's snapshot.
    const fresh = await page.context().newPage();
    await fresh.goto(pageUrl(restarted.url));
    await expect(fresh.locator('[role=row][data-order-id="before-1"]')).toContainText('Open');
    await fresh.close();
  } finally {
    await restarted.stop();
  }
});

test('events posted while connected reach the open page', async ({ page, relay }) => {
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status')).toContainText('LIVE');
  await postEvents(relay.url, [created('live-1'), transition('live-1', 'OPEN'), fill('live-1', 1000)]);
  const row = page.locator('[role=row][data-order-id="live-1"]');
  // Generous: on a loaded CI machine the page itself can be starved for seconds.
  await expect(row).toContainText('Filled', { timeout: 15_000 });
  await expect(row).toContainText('100%');
});
