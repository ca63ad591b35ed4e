import { describe, expect, it } from 'vitest';
import { created, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import { activeOrders, ageSeconds, getOrder, isStale, ordersByStatus, staleOrders, terminalOrders } from './queries';
import { STATUSES } from './status';
import { summarize } from './summary';

/** One order per status: `o-<STATUS>`, created a second apart in STATUSES order. */
function oneOfEach(): OrderBook {
  const book = createBook();
  const route = {
    OPEN: ['OPEN'],
    PARTIAL_FILL: ['OPEN', 'PARTIAL_FILL'],
    FILLED: ['OPEN', 'FILLED'],
    CANCELED: ['OPEN', 'CANCELED'],
    EXPIRED: ['OPEN', 'EXPIRED'],
    REJECTED: ['REJECTED'],
    FAILED: ['FAILED'],
    NEW: [],
  } as const;
  STATUSES.forEach((status, i) => {
    const id = `o-${status}`;
    applyEvent(book, created(id, { ts: T0 + i * 1000 }));
    for (const step of route[status]) applyEvent(book, moved(id, step, { ts: T0 + i * 1000 + 500 }));
  });
  return book;
}

const ids = (orders: { client_order_id: string }[]) => orders.map((o) => o.client_order_id).sort();

describe('queries', () => {
  it('get by id returns the live order, undefined for an unknown id', () => {
    const book = oneOfEach();
    expect(getOrder(book, 'o-OPEN')).toBe(book.orders.get('o-OPEN'));
    expect(getOrder(book, 'nope')).toBeUndefined();
  });

  it('active, terminal and byStatus partition the book', () => {
    const book = oneOfEach();
    expect(ids(activeOrders(book))).toEqual(['o-NEW', 'o-OPEN', 'o-PARTIAL_FILL']);
    expect(ids(terminalOrders(book))).toEqual(['o-CANCELED', 'o-EXPIRED', 'o-FAILED', 'o-FILLED', 'o-REJECTED']);
    for (const s of STATUSES) expect(ids(ordersByStatus(book, s))).toEqual([`o-${s}`]);
  });

  it('stale: active orders older than the limit, oldest first; terminal ones never', () => {
    const book = createBook();
    applyEvent(book, created('young', { ts: T0 + 250_000 }));
    applyEvent(book, created('middle', { ts: T0 + 100_000 }));
    applyEvent(book, created('oldest', { ts: T0 }));
    applyEvent(book, created('done', { ts: T0 - 50_000 }));
    applyEvent(book, moved('done', 'FAILED'));
    applyEvent(book, created('working', { ts: T0 + 50_000 }));
    applyEvent(book, moved('working', 'OPEN'));
    const now = T0 + 400_000;
    expect(staleOrders(book, now, 200).map((o) => o.client_order_id)).toEqual(['oldest', 'working', 'middle']);
  });

  it('stale ties on created_at are ordered by id so every view agrees', () => {
    const book = createBook();
    for (const id of ['c', 'a', 'b']) applyEvent(book, created(id, { ts: T0 }));
    expect(staleOrders(book, T0 + 10_000, 1).map((o) => o.client_order_id)).toEqual(['a', 'b', 'c']);
  });

  it('the limit is strict: exactly maxAge old is not stale, one millisecond more is', () => {
    const book = createBook();
    applyEvent(book, created('a', { ts: T0 }));
    const order = book.orders.get('a')!;
    expect(ageSeconds(order, T0 + 300_000)).toBe(300);
    expect(isStale(order, T0 + 300_000, 300)).toBe(false);
    expect(staleOrders(book, T0 + 300_000, 300)).toEqual([]);
    expect(staleOrders(book, T0 + 300_001, 300)).toEqual([order]);
  });
});

describe('summary', () => {
  it('has all eight statuses as keys, even at zero, and adds up', () => {
    const empty = summarize(createBook());
    expect(empty).toEqual({
      total_orders: 0,
      active_orders: 0,
      terminal_orders: 0,
      by_status: { NEW: 0, OPEN: 0, PARTIAL_FILL: 0, FILLED: 0, CANCELED: 0, EXPIRED: 0, REJECTED: 0, FAILED: 0 },
    });
    const s = summarize(oneOfEach());
    expect(s.total_orders).toBe(8);
    expect(s.active_orders).toBe(3);
    expect(s.terminal_orders).toBe(5);
    expect(Object.keys(s.by_status)).toEqual([...STATUSES]);
    for (const st of STATUSES) expect(s.by_status[st]).toBe(1);
  });

  it('is a copy: changing it does not change the book', () => {
    const book = oneOfEach();
    summarize(book).by_status.NEW = 99;
    expect(summarize(book).by_status.NEW).toBe(1);
  });
});
