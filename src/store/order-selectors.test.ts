import { describe, expect, it } from 'vitest';
import { bookOf } from '../../test/support/book-fixtures';
import { filterScan, scanBook } from './book-scan';
import type { OrderFilter } from './order-filter';
import { NO_FILTER } from './order-filter';
import { sortByColumn, sortByColumns } from './order-sort';
import { thresholdsOf } from '../core/stale-rules';

const T = Date.parse('2026-11-24T12:00:00Z');
const t300 = thresholdsOf(300);

const book = bookOf([
  { id: 'new-fresh', createdAt: T - 10_000 },
  { id: 'open-old', createdAt: T - 900_000, status: 'OPEN', symbol: 'ETH-USD', side: 'sell', engine: 'eng-2' },
  { id: 'partial-older', createdAt: T - 1_200_000, status: 'PARTIAL_FILL', filled: 400 },
  { id: 'open-young', createdAt: T - 60_000, status: 'OPEN', route: 'live', orderId: 'EXCH-777' },
  { id: 'filled-early', createdAt: T - 500_000, status: 'FILLED', filled: 1000, updatedAt: T - 400_000 },
  { id: 'canceled-late', createdAt: T - 300_000, status: 'CANCELED', updatedAt: T - 100_000 },
]);

function ids(orders: { client_order_id: string }[]): string[] {
  return orders.map((o) => o.client_order_id);
}

describe('order selectors', () => {
  it('default order: stale oldest first, then other active oldest first, then terminal newest first', () => {
    const scan = scanBook(book, T, t300);
    expect(scan.stale).toHaveLength(2);
    expect(ids(filterScan(scan, NO_FILTER))).toEqual([
      'partial-older',
      'open-old',
      'open-young',
      'new-fresh',
      'canceled-late',
      'filled-early',
    ]);
  });

  it('a lower threshold moves orders into the stale group', () => {
    expect(ids(filterScan(scanBook(book, T, thresholdsOf(30)), NO_FILTER)).slice(0, 3)).toEqual([
      'partial-older',
      'open-old',
      'open-young',
    ]);
  });

  it('sorts by a column either way', () => {
    const all = filterScan(scanBook(book, T, t300), NO_FILTER);
    expect(ids(sortByColumn(all, { key: 'fill_pct', desc: true }, T)).slice(0, 2)).toEqual(['filled-early', 'partial-older']);
    expect(ids(sortByColumn(all, { key: 'client_order_id', desc: false }, T))[0]).toBe('canceled-late');
    expect(ids(sortByColumn(all, { key: 'age', desc: true }, T))[0]).toBe('partial-older');
    // Several columns: the first decides, the next breaks its ties.
    const byStatusThenId = ids(
      sortByColumns(
        all,
        [
          { key: 'status', desc: false },
          { key: 'client_order_id', desc: true },
        ],
        T,
      ),
    );
    const byStatus = ids(sortByColumn(all, { key: 'status', desc: false }, T));
    const statusOf = new Map(all.map((o) => [o.client_order_id, o.status]));
    expect(byStatusThenId.map((id) => statusOf.get(id))).toEqual(byStatus.map((id) => statusOf.get(id)));
    for (let i = 1; i < byStatusThenId.length; i++) {
      const [a, b] = [byStatusThenId[i - 1]!, byStatusThenId[i]!];
      if (statusOf.get(a) === statusOf.get(b)) expect(a > b).toBe(true);
    }
  });

  it('filters by status, side, engine, route and stale', () => {
    const only = (patch: Partial<OrderFilter>) => ids(filterScan(scanBook(book, T, t300), { ...NO_FILTER, ...patch })).sort();
    expect(only({ statuses: ['OPEN'] })).toEqual(['open-old', 'open-young']);
    expect(only({ side: 'sell' })).toEqual(['open-old']);
    expect(only({ engine: 'eng-2' })).toEqual(['open-old']);
    expect(only({ route: 'live' })).toEqual(['open-young']);
    expect(only({ staleOnly: true })).toEqual(['open-old', 'partial-older']);
    expect(only({ statuses: ['FILLED', 'CANCELED'], staleOnly: true })).toEqual([]);
  });

  it('searches client id, exchange id and symbol, case-insensitively', () => {
    const search = (q: string) => ids(filterScan(scanBook(book, T, t300), { ...NO_FILTER, search: q })).sort();
    expect(search('eth')).toEqual(['open-old']);
    expect(search('exch-777')).toEqual(['open-young']);
    expect(search('  FRESH ')).toEqual(['new-fresh']);
    expect(search('nothing-like-this')).toEqual([]);
  });

  it('lists every engine and route for the selects', () => {
    const f = scanBook(book, T, t300);
    expect(f.engines).toEqual(['eng-1', 'eng-2']);
    expect(f.routes).toEqual(['live', 'paper']);
  });
});
