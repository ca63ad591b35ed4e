import { describe, expect, it } from 'vitest';
import { bookOf } from '../../test/support/book-fixtures';
import { breakdownOf, totalsOf } from './order-totals';

const T = Date.UTC(2026, 11, 3, 12);

describe('order totals and breakdown', () => {
  const book = bookOf([
    { id: 'a', createdAt: T, status: 'PARTIAL_FILL', side: 'buy', sizeUsd: 1000, filled: 300, symbol: 'BTC-USD', engine: 'alpha' },
    { id: 'b', createdAt: T + 1, status: 'OPEN', side: 'sell', sizeUsd: 2000, symbol: 'BTC-USD', engine: 'beta' },
    { id: 'c', createdAt: T + 2, status: 'FILLED', side: 'buy', sizeUsd: 500, filled: 500, symbol: 'ETH-USD', engine: 'alpha' },
    { id: 'd', createdAt: T + 3, status: 'REJECTED', side: 'sell', sizeUsd: 400, symbol: 'ETH-USD', engine: 'beta', route: 'ws' },
    // Overfilled (an anomaly the book keeps): working never goes below zero.
    { id: 'e', createdAt: T + 4, status: 'PARTIAL_FILL', side: 'sell', sizeUsd: 100, filled: 99, symbol: 'SOL-USD', engine: 'beta' },
  ]);
  const orders = [...book.orders.values()];

  it('working notional is the unfilled size of active orders, by side; filled value and fees count every order', () => {
    const t = totalsOf(orders);
    expect(t).toEqual({ orders: 5, active: 3, workingBuy: 700, workingSell: 2001, filledValue: 899, fees: expect.closeTo(0.3, 9) });
    expect(totalsOf([])).toEqual({ orders: 0, active: 0, workingBuy: 0, workingSell: 0, filledValue: 0, fees: 0 });
  });

  it('groups by symbol, engine or route, most working notional first, and the groups add up to the totals', () => {
    const bySymbol = breakdownOf(orders, 'symbol');
    expect(bySymbol.map((g) => [g.key, g.orders, g.active, g.workingBuy + g.workingSell, g.filledValue])).toEqual([
      ['BTC-USD', 2, 2, 2700, 300],
      ['SOL-USD', 1, 1, 1, 99],
      ['ETH-USD', 2, 0, 0, 500],
    ]);
    for (const by of ['symbol', 'engine', 'route'] as const) {
      const groups = breakdownOf(orders, by);
      expect(groups.reduce((n, g) => n + g.orders, 0)).toBe(5);
      expect(groups.reduce((n, g) => n + g.workingSell, 0)).toBe(2001);
    }
    expect(breakdownOf(orders, 'route').map((g) => g.key)).toEqual(['paper', 'ws']);
  });
});
