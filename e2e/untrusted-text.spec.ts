import type { Locator } from '@playwright/test';
import { created, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

/** Long ids that share their start, as every desk's do: only the end tells them apart. */
const IDS = [0, 1, 2].map((i) => `coid_demo_desk-alpha_momentum-strategy_17${i}04821`);
const REASON = 'held by risk \u202Echeck 42';

/** What a cut value shows in the browser: whether its head is clipped, and whether its tail lies whole inside its `box` ancestor. */
function measureCut(value: Locator, box: string) {
  return value.evaluate((el, boxSelector) => {
    const head = el.querySelector<HTMLElement>('.untrusted__head')!;
    const tail = el.querySelector<HTMLElement>('.untrusted__tail')!;
    const t = tail.getBoundingClientRect();
    const b = el.closest(boxSelector)!.getBoundingClientRect();
    return {
      headClipped: head.scrollWidth > head.clientWidth,
      tailInside: t.width > 0 && t.left >= b.left - 0.5 && t.right <= b.right + 0.5,
      tail: tail.textContent,
      isolation: getComputedStyle(el).unicodeBidi,
    };
  }, box);
}

test('long ids keep their end in narrow cells, show whole on focus, copy exactly; a bidi control in a reason is shown, not obeyed', async ({
  page,
  relay,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  await page.setViewportSize({ width: 1280, height: 800 });
  const ts = nowSec() - 600;
  await postEvents(
    relay.url,
    IDS.flatMap((id, i) => [
      created(id, { ts, engine: 'meanrev-2' }),
      transition(id, 'OPEN', { ts: ts + 1, orderId: `EXCH-2026-11-24-000000${i}9`, reason: REASON }),
    ]),
  );
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');

  // The table: the client id column is narrower than these ids; the start gives way, the end does not.
  const row = page.locator(`[role=row][data-order-id="${IDS[1]}"]`);
  const idValue = row.locator('bdi.untrusted--cut.mono').first();
  await expect(idValue).toHaveAttribute('title', IDS[1]!);
  expect(await measureCut(idValue, '[role=gridcell]')).toEqual({
    headClipped: true,
    tailInside: true,
    tail: '17104821',
    isolation: 'isolate',
  });
  // The stale reason in the status cell keeps its limit, and its space before the dash.
  const reasonValue = row.locator('.stale-marker__reason');
  await expect(reasonValue.locator('.untrusted__tail')).toHaveText('— over 300 s limit');
  expect(await reasonValue.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');

  // The stale list: a row with keyboard focus shows its id whole.
  const staleRow = page.getByRole('button', { name: new RegExp(`^${IDS[1]}:`) });
  const staleId = staleRow.locator('.ow-stale__id');
  const shownWhole = () =>
    staleId.evaluate((el) => {
      const head = el.querySelector<HTMLElement>('.untrusted__head')!;
      const tail = el.querySelector<HTMLElement>('.untrusted__tail')!;
      const clipped = el.scrollWidth > el.clientWidth || head.scrollWidth > head.clientWidth;
      return clipped ? 'clipped' : `${head.textContent}${tail.textContent}`;
    });
  expect(await shownWhole()).toBe('clipped');
  // Where head meets tail a space stays a space.
  await expect(staleRow.locator('.ow-stale__reason .untrusted__head')).toHaveText(/ $/);
  expect(await staleRow.locator('.ow-stale__reason .untrusted--cut').evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
  await staleRow.focus();
  await expect(staleRow).toBeFocused();
  await expect.poll(shownWhole).toBe(IDS[1]);
  await page.screenshot({ path: 'e2e/screenshots/untrusted-text-stale-focus-1280.png' });

  // The detail: both ids whole, each copied exactly as sent.
  await row.click();
  const panel = page.getByRole('complementary', { name: new RegExp(`Order ${IDS[1]}`) });
  await expect(panel).toBeVisible();
  const clientField = panel.locator('.ow-detail__field--id').first();
  await expect(clientField.locator('bdi')).toHaveText(IDS[1]!);
  await clientField.getByRole('button', { name: 'Copy client order id' }).click();
  await expect(clientField.getByRole('status')).toHaveText('✓ Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(IDS[1]);
  await panel.getByRole('button', { name: 'Copy exchange order id' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('EXCH-2026-11-24-00000019');

  // The reason's U+202E is written out; the text after it reads in its own order.
  const reason = panel.getByRole('list', { name: 'Timeline' }).locator('.ow-timeline__reason bdi');
  await expect(reason).toHaveText('held by risk ⟨U+202E⟩check 42');

  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.screenshot({ path: 'e2e/screenshots/untrusted-text-detail-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'e2e/screenshots/untrusted-text-1920.png' });
  await page.screenshot({ path: 'e2e/screenshots/untrusted-text-rows-1920.png', clip: { x: 0, y: 250, width: 1920, height: 170 } });
});
