import { describe, expect, it } from 'vitest';
import type { OrderJson } from '../protocol/order-json';
import { decodeHistoryPage, HISTORY_PAGE_MAX_ORDERS } from './history-page';

const row = (id: string, extra: Partial<Record<keyof OrderJson, unknown>> = {}): Record<string, unknown> => ({
  client_order_id: id,
  order_id: `x-${id}`,
  engine: 'eng',
  symbol: 'BTC-USD',
  side: 'buy',
  size_usd: 1000,
  route: 'paper',
  status: 'FILLED',
  filled_size: 0.01,
  filled_value: 1000,
  fees: 4,
  avg_price: 100_000,
  fill_pct: 100,
  created_at: '2026-12-03T10:00:00.000Z',
  submitted_at: '2026-12-03T10:00:00.100Z',
  first_fill_at: '2026-12-03T10:00:00.500Z',
  completed_at: '2026-12-03T10:00:00.500Z',
  last_update_at: '2026-12-03T10:00:00.500Z',
  history: [{ from: 'NEW', to: 'FILLED', at: '2026-12-03T10:00:00.500Z', cause: 'fill' }],
  fills: [{ at: '2026-12-03T10:00:00.500Z', filled_size: 0.01, filled_value: 1000, fees: 4 }],
  ...extra,
});

describe('decodeHistoryPage', () => {
  it('reads orders as the core holds them', () => {
    const reply = decodeHistoryPage({ orders: [row('a')], next_cursor: 'c1' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.nextCursor).toBe('c1');
    expect(reply.orders[0]).toMatchObject({ client_order_id: 'a', completed_at: Date.parse('2026-12-03T10:00:00.500Z'), rev: 0 });
    expect(reply.orders[0]!.history[0]).toEqual({ from: 'NEW', to: 'FILLED', at: Date.parse('2026-12-03T10:00:00.500Z'), cause: 'fill' });
  });

  it('counts unreadable rows with the field and limit of the first, and keeps the rest', () => {
    const reply = decodeHistoryPage({
      orders: [row('a', { symbol: 'S'.repeat(65) }), row('b'), row('c', { created_at: 'noon' }), 'junk'],
      next_cursor: null,
    });
    expect(reply).toMatchObject({ ok: true, skipped: 3, skipReason: 'orders[0].symbol: too long: 65 bytes, the limit is 64' });
    if (reply.ok) expect(reply.orders.map((o) => o.client_order_id)).toEqual(['b']);
    const many = decodeHistoryPage({ orders: [row('d', { fills: new Array(65).fill(row('x').fills) })], next_cursor: null });
    expect(many).toMatchObject({ skipped: 1, skipReason: 'orders[0].fills: 65 entries, the limit is 64' });
  });

  it('a page that is not one is an error value', () => {
    expect(decodeHistoryPage({ error: 'x' })).toMatchObject({ ok: false });
    expect(decodeHistoryPage({ orders: [], next_cursor: 7 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/next_cursor/) as unknown,
    });
    const big = decodeHistoryPage({ orders: new Array(HISTORY_PAGE_MAX_ORDERS + 1).fill(row('a')), next_cursor: null });
    expect(big).toMatchObject({ ok: false, error: expect.stringMatching(/limit is 500/) as unknown });
  });
});
