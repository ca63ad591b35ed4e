import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

// Only the overall limit here: the relay's per-status limits would flag these on their own.
test.use({ relayOptions: { staleAfterSec: 300, args: ['--stale-new-ack-s', 'off'] } });

test('stale by idle time instead of age, chosen per view: an old order that filled seconds ago is not stale then', async ({
  page,
  relay,
}) => {
  const t = nowSec();
  await postEvents(relay.url, [
    created('sb-busy', { ts: t - 900 }),
    transition('sb-busy', 'OPEN', { ts: t - 899 }),
    fill('sb-busy', 200, { ts: t - 5 }),
    created('sb-quiet', { ts: t - 900 }),
    transition('sb-quiet', 'OPEN', { ts: t - 400 }),
    created('sb-young', { ts: t - 20 }),
    transition('sb-young', 'OPEN', { ts: t - 19 }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const staleList = page.getByRole('region', { name: /Stale orders/ });
  const staleIds = () =>
    staleList.getByRole('button').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')?.split(':')[0] ?? '').sort());
  await expect.poll(staleIds).toEqual(['sb-busy', 'sb-quiet']);
  await expect(page.getByTestId('stale-count')).toContainText('2');

  await page.getByRole('combobox', { name: 'of' }).selectOption('idle');
  await expect.poll(staleIds).toEqual(['sb-quiet']);
  await expect(page.getByTestId('stale-count')).toContainText('1');
  await expect(staleList).toContainText('idle > 300 s');
  await expect(staleList).toContainText(/no update for 6 m 4\d s — over 300 s limit/);
  expect(new URL(page.url()).searchParams.get('stale_basis')).toBe('idle');
  // The table's stale rows follow too.
  await expect(page.locator('[role=row][data-order-id="sb-busy"]')).not.toHaveClass(/is-stale/);
  await expect(page.locator('[role=row][data-order-id="sb-quiet"]')).toHaveClass(/is-stale/);

  await page.reload();
  await expect.poll(staleIds).toEqual(['sb-quiet']);
});
