import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ensureDistBuilt } from './fixtures/build';
import { expectPageEqualsRelay, mixEvents, postInBatches } from './faults-support/page-vs-relay';
import type { RelayChild } from './faults-support/relay-child';
import { startRelayChild } from './faults-support/relay-child';
import type { SseFault } from './faults-support/sse-proxy';
import { startSseProxy } from './faults-support/sse-proxy';

const HEARTBEAT_MS = 500;

/**
 * How long the page took to show the loss goes into the report, not into an assertion: on a busy
 * 2-core machine wall-clock time is noise. That the feed turns STALE two heartbeats after the last
 * data is the watchdog's and the feed machine's unit tests, on a stepped clock.
 */
function reportLossShown(label: string, shownAt: number, since: number): void {
  test.info().annotations.push({ type: 'loss shown', description: `${label}: ${shownAt - since} ms (heartbeat ${HEARTBEAT_MS} ms)` });
}

/** Records, in the page, the wall-clock time the feed banner first appears (Playwright's polling is too coarse). */
async function watchForBanner(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bannerAt?: number };
    delete w.__bannerAt;
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid=feed-banner]') === null) return;
      w.__bannerAt = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

async function bannerShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __bannerAt?: number }).__bannerAt, undefined, {
    timeout: 10_000,
  });
  return (await handle.jsonValue()) as number;
}

async function openLive(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => window.__orderwatch?.status()), { timeout: 20_000 }).toBe('LIVE');
}

let relay: RelayChild;
test.beforeEach(async () => {
  ensureDistBuilt();
  relay = await startRelayChild({ heartbeatMs: HEARTBEAT_MS });
});
test.afterEach(async () => {
  await relay.stop();
});

test('a frozen relay (connection open, nothing sent) shows feed loss; thawed, the page is LIVE with its exact state', async ({ page }) => {
  await openLive(page, relay.url);
  await postInBatches(relay.url, mixEvents(11, 1_500), 100, 20);
  await expectPageEqualsRelay(page, relay.url);

  await watchForBanner(page);
  relay.child.kill('SIGSTOP');
  const frozenAt = Date.now();
  reportLossShown('frozen relay', await bannerShownAt(page), frozenAt);
  await expect(page.getByTestId('feed-banner')).toBeVisible();
  await expect(page.locator('main.page')).toHaveClass(/is-dimmed/);

  relay.child.kill('SIGCONT');
  await postInBatches(
    relay.url,
    mixEvents(12, 300).map((e) => ({ ...e, engine: 'eng-late' })),
    100,
    20,
  );
  await expectPageEqualsRelay(page, relay.url, 30_000);
  await expect(page.getByTestId('feed-banner')).toHaveCount(0);
});

test('relay killed mid-stream: loss shown; a new relay on the same port: LIVE with exactly its state', async ({ page }) => {
  await openLive(page, relay.url);
  const events = mixEvents(21, 3_000);
  await postInBatches(relay.url, events.slice(0, 1_500), 100, 10);
  await expectPageEqualsRelay(page, relay.url);
  await watchForBanner(page);
  let killedAt = 0;
  let killed: Promise<void> = Promise.resolve();
  // A steady trickle, so the kill lands between two deliveries rather than after the last.
  const posting = await postInBatches(relay.url, events.slice(1_500), 10, 50, (batch) => {
    if (batch !== 10) return;
    killedAt = Date.now();
    killed = relay.kill();
  }).catch(() => 'cut');
  await killed;
  expect(posting).toBe('cut');
  reportLossShown('killed relay', await bannerShownAt(page), killedAt);
  await expect(page.getByTestId('feed-banner')).toBeVisible();

  relay = await startRelayChild({ heartbeatMs: HEARTBEAT_MS, port: relay.port });
  // The new process starts empty; it gets a different stream, so nothing of the old book may survive.
  await postInBatches(relay.url, mixEvents(22, 800), 100, 10);
  await expectPageEqualsRelay(page, relay.url, 30_000);
  await expect(page.getByTestId('feed-banner')).toHaveCount(0);
  // The operator is told the book was replaced, and by how much.
  await expect(page.getByTestId('book-replaced')).toContainText(/book replaced this page's: [\d,]+ → [\d,]+ orders/);
});

const STREAM_FAULTS: readonly SseFault[] = ['duplicate', 'reorder', 'gap', 'rewind'];
for (const fault of STREAM_FAULTS) {
  test(`stream fault "${fault}" between relay and page: the page ends identical to the relay`, async ({ page }) => {
    const proxy = await startSseProxy(relay.url);
    try {
      await openLive(page, proxy.url);
      proxy.fault = fault;
      // Rewinding needs reconnects: the proxy cuts the stream every few posts.
      await postInBatches(relay.url, mixEvents(30 + STREAM_FAULTS.indexOf(fault), 2_000), 40, 15, (batch) => {
        if (fault === 'rewind' && batch % 8 === 7) proxy.cutStreams();
      });
      // A rewound resume may be cut by the next cut before it re-sends anything: one last cut after
      // the posts lets a rewound stream run undisturbed.
      if (fault === 'rewind') proxy.cutStreams();
      await expect.poll(() => proxy.tampered, { timeout: 15_000 }).toBeGreaterThan(0);
      // Re-sent events change nothing, so equality could hold before they arrive: see them first.
      const duplicates = () => page.evaluate(() => window.__orderwatch!.counters().duplicates);
      if (fault === 'duplicate' || fault === 'rewind') await expect.poll(duplicates, { timeout: 15_000 }).toBeGreaterThan(0);
      proxy.fault = 'none';
      await expectPageEqualsRelay(page, relay.url, 30_000);
      const counters = await page.evaluate(() => window.__orderwatch!.counters());
      if (fault === 'gap' || fault === 'reorder') expect(counters.gaps).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
}
