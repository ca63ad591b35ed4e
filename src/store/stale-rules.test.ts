import { describe, expect, it } from 'vitest';
import { bookOf, staleEntriesOf } from '../../test/support/book-fixtures';
import { scanBook } from './book-scan';
import { isStaleOrder, staleCause, staleReason, thresholdsOf } from '../core/stale-rules';

const T = Date.parse('2026-11-24T12:00:00Z');

describe('stale rules', () => {
  const book = bookOf([
    { id: 'new42', createdAt: T - 42_000 },
    { id: 'open-old', createdAt: T - 372_000, status: 'OPEN', updatedAt: T - 371_000 },
    { id: 'partial', createdAt: T - 100_000, status: 'PARTIAL_FILL', filled: 100, updatedAt: T - 90_000 },
    { id: 'open-fresh', createdAt: T - 20_000, status: 'OPEN', updatedAt: T - 19_000 },
    { id: 'done', createdAt: T - 9_000_000, status: 'FILLED', filled: 1000 },
  ]);
  const order = (id: string) => book.orders.get(id)!;

  it('uses the core age rule by default (strictly over the limit, active only)', () => {
    const t = thresholdsOf(300);
    expect(staleReason(order('open-old'), T, t)).toBe('active for 6 m 12 s — over 300 s limit');
    expect(staleReason(order('new42'), T, t)).toBeNull();
    expect(staleReason(order('done'), T, t)).toBeNull();
    expect(staleReason(order('open-old'), T - 72_000, t)).toBeNull();
  });

  it('on the idle basis measures from the last update: an old order that filled recently is not stale', () => {
    const busy = bookOf([
      { id: 'old-busy', createdAt: T - 900_000, status: 'PARTIAL_FILL', filled: 100, updatedAt: T - 5_000 },
      { id: 'old-quiet', createdAt: T - 900_000, status: 'OPEN', updatedAt: T - 301_000 },
    ]);
    const busyOrder = busy.orders.get('old-busy')!;
    const quietOrder = busy.orders.get('old-quiet')!;
    const byAge = thresholdsOf(300);
    const byIdle = { ...thresholdsOf(300), basis: 'idle' as const };
    expect(isStaleOrder(busyOrder, T, byAge)).toBe(true);
    expect(isStaleOrder(busyOrder, T, byIdle)).toBe(false);
    expect(staleReason(busyOrder, T, byIdle)).toBeNull();
    expect(isStaleOrder(quietOrder, T, byIdle)).toBe(true);
    expect(staleReason(quietOrder, T, byIdle)).toBe('no update for 5 m 1 s — over 300 s limit');
    expect(staleCause(quietOrder, T, byIdle)).toEqual({ text: 'OPEN with no update within 300 s', since: T - 1_000 });
    // The scan agrees, so the count, the panel and the table do.
    expect(scanBook(busy, T, byIdle).stale.map((o) => o.client_order_id)).toEqual(['old-quiet']);
  });

  it('applies the per-status limits with their own reasons', () => {
    const t = thresholdsOf(300, { newAckSec: 30, partialNoFillSec: 60, openNoFillSec: 10 });
    expect(staleReason(order('new42'), T, t)).toBe('NEW for 42 s — not acknowledged');
    expect(staleReason(order('partial'), T, t)).toBe('no new fill for 1 m 30 s — over 60 s limit');
    expect(staleReason(order('open-fresh'), T, t)).toBe('OPEN for 19 s — no fill (limit 10 s)');
    expect(scanBook(book, T, t).stale).toHaveLength(4);
  });

  it('lists stale orders oldest first', () => {
    const list = staleEntriesOf(book, T, thresholdsOf(30));
    expect(list.map((e) => e.order.client_order_id)).toEqual(['open-old', 'partial', 'new42']);
    expect(list[0]!.ageSec).toBe(372);
  });
});
