import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test('a tile or the header stale figure filters the table to its orders; the Anomalies tile goes to the anomalies', async ({
  page,
  relay,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const t = nowSec();
  await postEvents(relay.url, [
    created('tf-stale', { ts: t - 900 }),
    transition('tf-stale', 'OPEN', { ts: t - 899 }),
    created('tf-partial', { ts: t - 20 }),
    transition('tf-partial', 'OPEN', { ts: t - 19 }),
    fill('tf-partial', 300, { ts: t - 10 }),
    created('tf-rejected', { ts: t - 5 }),
    transition('tf-rejected', 'REJECTED', { ts: t - 4, reason: 'margin' }),
    // An unknown order: one anomaly.
    transition('tf-nobody', 'OPEN', { ts: t - 3 }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const ids = () => page.locator('.orders-grid__body [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')));
  await expect.poll(ids).toHaveLength(3);

  await page.getByTestId('tile-rejected15').getByRole('button', { name: 'Rejected · 15 min' }).click();
  await expect.poll(ids).toEqual(['tf-rejected']);
  expect(new URL(page.url()).searchParams.get('status')).toBe('REJECTED');

  await page.getByTestId('tile-partial').getByRole('button').click();
  await expect.poll(ids).toEqual(['tf-partial']);

  await page.getByTestId('stale-count').click();
  await expect.poll(ids).toEqual(['tf-stale']);
  expect(new URL(page.url()).searchParams.get('stale')).toBe('1');
  expect(new URL(page.url()).searchParams.get('status')).toBeNull();

  await page.getByTestId('tile-active').getByRole('button').click();
  await expect.poll(ids).toEqual(['tf-stale', 'tf-partial']);

  // The whole tile is the target, not only its label.
  const tile = (await page.getByTestId('tile-stale').boundingBox())!;
  await page.mouse.click(tile.x + tile.width - 10, tile.y + tile.height - 10);
  await expect.poll(ids).toEqual(['tf-stale']);

  await page.getByTestId('tile-anomalies').getByRole('button').click();
  const anomalies = page.getByRole('region', { name: /Anomalies/ });
  await expect(anomalies).toBeFocused();
  await expect(anomalies).toBeInViewport();
  // Feed lag has nowhere to go: not a button.
  await expect(page.getByTestId('tile-lag').getByRole('button')).toHaveCount(0);
});
