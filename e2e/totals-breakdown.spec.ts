import { created, fill, nowSec, transition } from './fixtures/events';
import { expect, pageUrl, postEvents, test } from './fixtures/relay';

test('the totals row adds up the rows shown and follows the filters; a breakdown group filters the table', async ({ page, relay }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const t = nowSec();
  await postEvents(relay.url, [
    // BTC: a working buy of 1,000 with 300 filled (700 working), a working sell of 2,000.
    created('tb-1', { symbol: 'BTC-USD', side: 'buy', sizeUsd: 1000, engine: 'alpha', ts: t - 30 }),
    transition('tb-1', 'OPEN', { ts: t - 29, engine: 'alpha' }),
    fill('tb-1', 300, { fees: 1.5, ts: t - 20, engine: 'alpha' }),
    created('tb-2', { symbol: 'BTC-USD', side: 'sell', sizeUsd: 2000, engine: 'beta', ts: t - 25 }),
    transition('tb-2', 'OPEN', { ts: t - 24, engine: 'beta' }),
    // ETH: a buy of 500 filled in full (nothing working), a buy of 400 rejected.
    created('tb-3', { symbol: 'ETH-USD', side: 'buy', sizeUsd: 500, engine: 'alpha', ts: t - 15 }),
    transition('tb-3', 'OPEN', { ts: t - 14, engine: 'alpha' }),
    fill('tb-3', 500, { fees: 0.25, ts: t - 10, engine: 'alpha' }),
    created('tb-4', { symbol: 'ETH-USD', side: 'buy', sizeUsd: 400, engine: 'beta', ts: t - 5 }),
    transition('tb-4', 'REJECTED', { ts: t - 4, engine: 'beta', reason: 'margin' }),
  ]);
  await page.goto(pageUrl(relay.url));
  await expect(page.getByRole('status').first()).toContainText('LIVE');
  const ids = () =>
    page.locator('.orders-grid__body [role=row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')).sort());
  await expect.poll(ids).toEqual(['tb-1', 'tb-2', 'tb-3', 'tb-4']);

  const total = (name: string) => page.getByTestId('totals-row').locator(`[data-total="${name}"]`);
  await expect(total('orders')).toHaveText('4 (2 active)');
  await expect(total('working-buy')).toHaveText('$700.00');
  await expect(total('working-sell')).toHaveText('$2,000.00');
  await expect(total('filled')).toHaveText('$800.00');
  await expect(total('fees')).toHaveText('$1.75');

  // The totals follow a filter.
  const engineSelect = page.getByRole('combobox', { name: 'Engine' });
  await engineSelect.selectOption('alpha');
  await expect.poll(ids).toEqual(['tb-1', 'tb-3']);
  await expect(total('orders')).toHaveText('2 (1 active)');
  await expect(total('working-sell')).toHaveText('$0.00');
  await expect(total('filled')).toHaveText('$800.00');
  await engineSelect.selectOption('');

  // The breakdown groups the same rows by symbol, most working notional first.
  const breakdown = page.getByTestId('breakdown');
  // A group's name is engine text, cut to fit on screen: its whole value is in the title.
  const groups = () =>
    breakdown
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c) => c.querySelector('[title]')?.getAttribute('title') ?? c.textContent)),
      );
  await expect.poll(groups).toEqual([
    ['BTC-USD', '2', '2', '2,700.00', '300.00'],
    ['ETH-USD', '2', '0', '0.00', '500.00'],
  ]);
  // Clicking a group filters the table to it; the URL carries it; clicking again clears it.
  await breakdown.getByRole('button', { name: 'ETH-USD' }).click();
  await expect.poll(ids).toEqual(['tb-3', 'tb-4']);
  expect(new URL(page.url()).searchParams.get('symbol')).toBe('ETH-USD');
  await expect(total('orders')).toHaveText('2 (0 active)');
  await breakdown.getByRole('button', { name: 'ETH-USD' }).click();
  await expect.poll(ids).toHaveLength(4);

  // Grouped by engine instead, and remembered in the URL.
  await breakdown.getByRole('button', { name: 'Engine', exact: true }).click();
  expect(new URL(page.url()).searchParams.get('group')).toBe('engine');
  await expect.poll(groups).toEqual([
    ['beta', '2', '1', '2,000.00', '0.00'],
    ['alpha', '2', '1', '700.00', '800.00'],
  ]);
  await breakdown.getByRole('button', { name: 'beta' }).click();
  await expect.poll(ids).toEqual(['tb-2', 'tb-4']);
  await expect(engineSelect).toHaveValue('beta');
  await page.screenshot({ path: 'e2e/screenshots/totals-breakdown.png' });
});
