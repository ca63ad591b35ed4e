import { describe, expect, it } from 'vitest';
import { created, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import { cleanup } from './cleanup';
import { restoreBook } from './restore';
import { summarize } from './summary';

/** Terminal orders finishing at the given offsets (seconds), in the order listed, plus two active ones. */
function bookFinishing(offsets: number[]): OrderBook {
  const book = createBook();
  offsets.forEach((s, i) => {
    applyEvent(book, created(`t${i}`, { ts: T0 }));
    applyEvent(book, moved(`t${i}`, 'OPEN', { ts: T0 + 1 }));
    applyEvent(book, moved(`t${i}`, 'CANCELED', { ts: T0 + s * 1000 }));
  });
  applyEvent(book, created('active-new', { ts: T0 - 1_000_000 }));
  applyEvent(book, created('active-open', { ts: T0 - 1_000_000 }));
  applyEvent(book, moved('active-open', 'OPEN'));
  return book;
}

describe('cleanup(keepLastN)', () => {
  it('removes the oldest terminal orders by completed_at beyond the newest N', () => {
    const book = bookFinishing([10, 20, 30, 40, 50]);
    expect(cleanup(book, 2)).toEqual(['t0', 't1', 't2']);
    expect([...book.orders.keys()].sort()).toEqual(['active-new', 'active-open', 't3', 't4']);
    expect(book.evicted).toBe(3);
  });

  it('orders by completed_at even when completions arrived out of order', () => {
    const book = bookFinishing([50, 10, 40, 20, 30]);
    expect(cleanup(book, 2)).toEqual(['t1', 't3', 't4']);
    expect([...book.orders.keys()].filter((k) => k.startsWith('t')).sort()).toEqual(['t0', 't2']);
    expect(cleanup(book, 1)).toEqual(['t2']);
  });

  it('orders completions sharing a timestamp by id, whatever order they arrived in, so a restored book removes the same ones', () => {
    const live = bookFinishing([20, 10, 10, 10, 30]);
    const restored = restoreBook({ orders: [...live.orders.values()].reverse() });
    expect(cleanup(live, 3)).toEqual(['t1', 't2']);
    expect(cleanup(restored, 3)).toEqual(['t1', 't2']);
    const arrivedReversed = bookFinishing([10, 10, 10]);
    expect(cleanup(arrivedReversed, 1)).toEqual(['t0', 't1']);
  });

  it('never removes an active order, even when asked to keep none', () => {
    const book = bookFinishing([1, 2, 3]);
    expect(cleanup(book, 0)).toHaveLength(3);
    expect([...book.orders.keys()].sort()).toEqual(['active-new', 'active-open']);
    expect(cleanup(book, 0)).toEqual([]);
  });

  it('does nothing while the terminal count is within N', () => {
    const book = bookFinishing([1, 2]);
    expect(cleanup(book, 2)).toEqual([]);
    expect(cleanup(book, 10)).toEqual([]);
    expect(book.orders.size).toBe(4);
  });

  it('keeps the summary counters in step with the book', () => {
    const book = bookFinishing([1, 2, 3, 4]);
    cleanup(book, 1);
    expect(summarize(book)).toMatchObject({ total_orders: 3, active_orders: 2, terminal_orders: 1 });
    expect(summarize(book).by_status).toMatchObject({ NEW: 1, OPEN: 1, CANCELED: 1 });
  });

  it('a removed id can be created again as a fresh order', () => {
    const book = bookFinishing([1]);
    cleanup(book, 0);
    expect(applyEvent(book, created('t0', { ts: T0 + 99_000 })).outcome).toBe('applied');
    expect(book.orders.get('t0')!.status).toBe('NEW');
  });
});
