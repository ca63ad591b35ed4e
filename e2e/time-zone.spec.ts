import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test.use({ timezoneId: 'America/New_York' });

test("the table's times say their zone, switch to the browser's own and back, remembered; a time from another day has its date", async ({
  page,
  relay,
}) => {
  const t = nowSec();
  await postEvents(relay.url, [
    created('tz-today', { ts: t - 5 }),
    created('tz-old', { ts: t - 3 * 86_400 }),
    transition('tz-old', 'OPEN', { ts: t - 2 * 86_400 }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const cell = (id: string) => page.locator(`[role=row][data-order-id="${id}"] [role=gridcell]`).last();
  const toggle = page.getByRole('columnheader', { name: /Updated/ }).getByRole('button', { name: 'UTC' });
  await expect(toggle).toBeVisible();
  const utcToday = new Date((t - 5) * 1000).toISOString().slice(11, 19);
  await expect(cell('tz-today')).toHaveText(utcToday);
  const old = new Date((t - 2 * 86_400) * 1000).toISOString();
  await expect(cell('tz-old')).toHaveText(`${old.slice(5, 10)} ${old.slice(11, 19)}`);

  await toggle.click();
  const local = page.getByRole('columnheader', { name: /Updated/ }).getByRole('button', { name: /^(EST|EDT|GMT-[45])$/ });
  await expect(local).toBeVisible();
  const newYork = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  await expect(cell('tz-today')).toHaveText(new RegExp(`${newYork.format((t - 5) * 1000)}$`));
  // The order detail follows the same choice, and names the zone on every time.
  await page.locator('[role=row][data-order-id="tz-today"]').click();
  const detail = page.locator('.ow-detail');
  await expect(detail.getByText(/^Timeline \((EST|EDT|GMT-[45])\)$/)).toBeVisible();
  await expect(detail.locator('dd', { hasText: /^\d{4}-\d\d-\d\d / }).first()).toHaveText(
    new RegExp(`${newYork.format((t - 5) * 1000)} (EST|EDT|GMT-[45])$`),
  );
  await expect(detail.locator('.ow-timeline__at').first()).toHaveText(new RegExp(`^${newYork.format((t - 5) * 1000)}\\.\\d{3}$`));

  await page.reload();
  await expect(local).toBeVisible();
  await local.click();
  await expect(toggle).toBeVisible();
});
