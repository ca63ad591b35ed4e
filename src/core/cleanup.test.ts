import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../test/support/check-property';
import { created, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import { byCompletion, cleanup } from './cleanup';
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

describe('cleanup: the sorted log it keeps between runs', () => {
  /** Cleanup as it was: sort the whole terminal log every time. What the incremental sort must match. */
  function cleanupByFullSort(book: OrderBook, keep: number): string[] {
    if (book.terminalLog.length <= keep) return [];
    book.terminalLog.sort(byCompletion);
    const removed = book.terminalLog.slice(0, book.terminalLog.length - keep);
    for (const order of removed) {
      book.orders.delete(order.client_order_id);
      book.byStatus[order.status]--;
    }
    book.terminalLog = book.terminalLog.slice(removed.length);
    return removed.map((o) => o.client_order_id);
  }

  it('merges a late completion from a lagging engine into the log kept sorted since the last cleanup', () => {
    const book = bookFinishing([10, 20, 30]);
    expect(cleanup(book, 2)).toEqual(['t0']);
    for (const [id, s] of [
      ['late', 5],
      ['new', 40],
    ] as const) {
      applyEvent(book, created(id, { ts: T0 }));
      applyEvent(book, moved(id, 'OPEN', { ts: T0 + 1 }));
      applyEvent(book, moved(id, 'CANCELED', { ts: T0 + s * 1000 }));
    }
    expect(cleanup(book, 2)).toEqual(['late', 't1']);
    expect(book.terminalLog.map((o) => o.client_order_id)).toEqual(['t2', 'new']);
  });

  it('removes exactly what a full sort removes, however completions interleave, tie and skew between engines', () => {
    // Each step: finish an order at a time from one of three engine clocks, some far behind, some tied; or clean up.
    const step = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('finish' as const),
          engine: fc.integer({ min: 0, max: 2 }),
          jitter: fc.integer({ min: -3, max: 3 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('clean' as const), keep: fc.integer({ min: 0, max: 30 }) }) },
    );
    checkProperty(
      fc.property(
        fc.array(step, { maxLength: 300 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 3, maxLength: 3 }),
        (steps, skews) => {
          const fast = createBook();
          const full = createBook();
          const clocks = [0, 0, 0];
          let n = 0;
          for (const s of steps) {
            if (s.kind === 'clean') {
              expect(cleanup(fast, s.keep)).toEqual(cleanupByFullSort(full, s.keep));
              continue;
            }
            clocks[s.engine] = clocks[s.engine]! + 1;
            const at = T0 + (clocks[s.engine]! + skews[s.engine]! + s.jitter) * 1000;
            const id = `o${n++}`;
            for (const book of [fast, full]) {
              applyEvent(book, created(id, { ts: T0 - 100_000 }));
              applyEvent(book, moved(id, 'OPEN', { ts: T0 - 100_000 }));
              applyEvent(book, moved(id, 'CANCELED', { ts: at }));
            }
            expect(fast.orders.get(id)?.status).toBe('CANCELED');
          }
          expect(cleanup(fast, 5)).toEqual(cleanupByFullSort(full, 5));
          expect([...fast.orders.keys()]).toEqual([...full.orders.keys()]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
