import type { Locator } from '@playwright/test';
import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

/** What the eye sees of a row: its background, its outline and its left bar. */
const look = (row: Locator) =>
  row.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, outline: `${style.outlineStyle} ${style.outlineWidth}`, bar: style.boxShadow };
  });

test('the keyboard cursor and the selection show on stale rows, and the stale bar stays under them', async ({ page, relay }) => {
  const old = nowSec() - 900;
  await postEvents(relay.url, [
    ...['stale-a', 'stale-b', 'stale-c'].flatMap((id, i) => [created(id, { ts: old + i }), transition(id, 'OPEN', { ts: old + i + 1 })]),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const rows = page.locator('.orders-grid__body [role=row]');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveClass(/is-stale/);
  const plain = await look(rows.nth(2));

  // The cursor (focus puts it on the first row, ArrowDown moves it to the second): outlined, tinted, and still carrying the stale bar.
  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  const first = rows.nth(1);
  await expect(first).toHaveClass(/is-active/);
  const cursor = await look(first);
  expect(cursor.outline).not.toBe(plain.outline);
  expect(cursor.background).not.toBe(plain.background);
  expect(cursor.bar).toBe(plain.bar);

  // Selected by a click on the first row (the mouse stays over it): its own tint, unlike both.
  const second = rows.nth(0);
  await second.click();
  await expect(second).toHaveClass(/is-selected/);
  const selected = await look(second);
  expect(selected.background).not.toBe(plain.background);
  expect(selected.background).not.toBe(cursor.background);
  expect(selected.bar).toBe(plain.bar);
  await page.screenshot({ path: 'e2e/screenshots/row-states.png' });
});
