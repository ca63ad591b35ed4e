import { copyFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { created, nowSec } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

// NEW orders are stale after 1 s without an acknowledgement; the relay evaluates alerts every second.
test.use({ relayOptions: { heartbeatMs: 500, staleAfterSec: 2, args: ['--stale-new-ack-s', '1'] } });

interface AlertJson {
  readonly id: string;
  readonly state: string;
  readonly subject: { readonly id: string };
}

async function alertFor(relayUrl: string, orderId: string): Promise<AlertJson> {
  let found: AlertJson | undefined;
  await expect
    .poll(async () => {
      const res = await fetch(`${relayUrl}/api/alerts`);
      const body = (await res.json()) as { alerts: AlertJson[] };
      found = body.alerts.find((a) => a.subject.id === orderId && a.state === 'firing');
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

async function ack(relayUrl: string, id: string, by: string): Promise<void> {
  const res = await fetch(`${relayUrl}/api/alerts/${encodeURIComponent(id)}/ack`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by, comment: 'on it' }),
  });
  expect(res.status).toBe(200);
}

/** Everything on one screen: no scrollbars, the alert blocks, stale list and engine strip above the fold. */
async function expectFits(page: Page, size: { width: number; height: number }): Promise<void> {
  const metrics = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
  }));
  expect(metrics.scrollHeight).toBeLessThanOrEqual(size.height);
  expect(metrics.scrollWidth).toBeLessThanOrEqual(size.width);
  const wall = page.getByTestId('wall');
  for (const region of [
    wall.getByRole('region', { name: 'Firing alerts' }),
    wall.getByRole('region', { name: 'Acknowledged alerts' }),
    wall.getByRole('region', { name: /Stale orders/ }),
    wall.getByTestId('engine-strip'),
    wall.getByTestId('wall-sound'),
  ]) {
    const box = await region.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(size.height + 1);
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 1);
  }
  // Nothing clipped sideways: every legend line ends inside its panel.
  const panel = await wall.getByRole('region', { name: 'Orders by status' }).boundingBox();
  for (const item of await wall.getByRole('list', { name: 'Status counts' }).getByRole('listitem').all()) {
    const box = await item.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 1);
  }
  // The firing count reads from across the room: at least 4 % of the screen height.
  const countFont = await wall
    .getByRole('region', { name: 'Firing alerts' })
    .getByRole('heading')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(countFont).toBeGreaterThanOrEqual(size.height * 0.04);
}

test('the wall sounds after "Arm sound" while an alert fires, and moves it to acknowledged', async ({ page, relay }) => {
  const size = { width: 1920, height: 1080 };
  await page.setViewportSize(size);
  await page.goto(pageUrl(relay.url, { view: 'wall' }));
  const wall = page.getByTestId('wall');
  await expect(wall.getByRole('status')).toContainText('LIVE');
  const sound = wall.getByTestId('wall-sound');
  await expect(sound).toHaveAttribute('data-audio', 'none');

  const ids = ['wa-1', 'wa-2', 'wa-3', 'wa-4', 'wa-5'];
  await postEvents(
    relay.url,
    ids.map((id, i) => created(id, { ts: nowSec(), symbol: i === 0 ? 'ETH-USD' : 'SOL-USD', engine: i % 2 === 0 ? 'desk-a' : 'desk-b' })),
  );
  const first = await alertFor(relay.url, 'wa-1');
  const firing = wall.getByRole('region', { name: 'Firing alerts' });
  await expect(firing.getByRole('heading')).toHaveText('5 FIRING');
  // The newest three are listed (which three depends on the relay's evaluation tick), the rest counted.
  await expect(firing.getByRole('listitem')).toHaveCount(3);
  await expect(firing.getByRole('listitem').first()).toContainText(/wa-\d (ETH|SOL)-USD: NEW not acknowledged within 1 s/);
  await expect(firing).toContainText('+2 more firing');
  await expect(wall.getByTestId('engine-strip')).toContainText('desk-a live');
  await expect(sound).toHaveAttribute('data-sounding', 'true');
  // Firing but not armed: the browser would block the sound, so none is attempted.
  await expect(sound).toHaveAttribute('data-beeps', '0');

  await sound.getByRole('button', { name: /Arm sound/ }).click();
  await expect(sound).toContainText('Sound armed · beeping');
  await expect(sound).toHaveAttribute('data-audio', 'running');
  await expect(sound).not.toHaveAttribute('data-beeps', '0');

  // One acknowledged over the API: the wall moves it across and still beeps for the others…
  await ack(relay.url, first.id, 'Dana');
  const quiet = wall.getByRole('region', { name: 'Acknowledged alerts' });
  await expect(quiet.getByRole('heading')).toHaveText('1 acknowledged');
  await expect(quiet).toContainText(/Dana .*wa-1 ETH-USD/);
  await expect(firing.getByRole('heading')).toHaveText('4 FIRING');
  await expect(firing).toContainText('+1 more firing');
  await expect(sound).toHaveAttribute('data-sounding', 'true');
  // The page's own stale rules agree with the relay's alerts (all five are past the 2 s limit by now).
  await expect(wall.getByTestId('tile-stale')).toContainText('5');
  await expectFits(page, size);
  await page.screenshot({ path: 'e2e/screenshots/wall-alerts.png' });
  copyFileSync('e2e/screenshots/wall-alerts.png', 'docs/screenshot-wall-alerts.png');

  // …until the rest are acknowledged too: then the beeping stops.
  for (const id of ids.slice(1)) await ack(relay.url, (await alertFor(relay.url, id)).id, 'Lee');
  await expect(quiet.getByRole('heading')).toHaveText('5 acknowledged');
  await expect(quiet).toContainText('+3 more acknowledged');
  await expect(sound).toContainText('Sound armed');
  await expect(sound).not.toContainText('beeping');
  await expect(firing.getByRole('heading')).toHaveText('No alerts firing');
  await expect(sound).toHaveAttribute('data-sounding', 'false');
  const beeps = await sound.getAttribute('data-beeps');
  // More than one beep interval on the page's own relay clock, and not one more beep.
  const clock = wall.getByLabel('Relay time (UTC)');
  const seconds = async (): Promise<number> => {
    const [h, m, s] = ((await clock.textContent()) ?? '').match(/\d\d/g)!.map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  const from = await seconds();
  await expect.poll(async () => ((await seconds()) - from + 86_400) % 86_400, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  await expect(sound).toHaveAttribute('data-beeps', beeps!);
});

test.describe('with engines that fall silent after 2 s', () => {
  test.use({ relayOptions: { heartbeatMs: 500, staleAfterSec: 2, args: ['--stale-new-ack-s', '1', '--engine-silent-after', '2'] } });

  test('at 3840×2160 the alerts, stale list and engine strip fit with no scrollbars, a silent engine in view', async ({ page, relay }) => {
    const size = { width: 3840, height: 2160 };
    await page.setViewportSize(size);
    const t = nowSec();
    await postEvents(
      relay.url,
      Array.from({ length: 12 }, (_, i) => created(`big-${i}`, { ts: t, engine: `desk-${i % 3}`, sizeUsd: 1000 + i * 100 })),
    );
    await page.goto(pageUrl(relay.url, { view: 'wall' }));
    const wall = page.getByTestId('wall');
    // 12 stale orders and 3 silent engines.
    const firing = wall.getByRole('region', { name: 'Firing alerts' });
    await expect(firing.getByRole('heading')).toHaveText('15 FIRING');
    await expect(firing).toContainText('Engine silent');
    const strip = wall.getByTestId('engine-strip');
    await expect(strip).toContainText(/desk-0 SILENT \d+ s/);
    await expect(strip.locator('.engine-strip__item--silent')).toHaveCount(3);
    await ack(relay.url, (await alertFor(relay.url, 'big-0')).id, 'Dana');
    await expect(wall.getByRole('region', { name: 'Acknowledged alerts' }).getByRole('heading')).toHaveText('1 acknowledged');
    await expect(wall.getByTestId('wall-sound').getByRole('button', { name: 'Mute silent' })).toBeVisible();
    await expectFits(page, size);
    await page.screenshot({ path: 'e2e/screenshots/wall-alerts-2160.png' });
  });
});
