import type { OrderBook } from '../core/book';
import { describe, expect, it } from 'vitest';
import { bookState } from '../../test/support/book-state';
import { seededBook } from '../../test/support/seeded-book';
import { decodeCheckpoint, encodeCheckpoint } from './book-checkpoint';

const counters = (book: OrderBook) => ({
  terminal: book.terminalLog.map((o) => o.client_order_id),
  terminalSorted: book.terminalSorted,
  engines: [...book.engines],
  anomalyTotal: book.anomalyTotal,
  duplicates: book.duplicates,
  eventsSeen: book.eventsSeen,
  evicted: book.evicted,
});

describe('book checkpoint', () => {
  it('round-trips a book with history, fills, anomalies and cleanup', () => {
    const book = seededBook();
    expect(book.anomalies.toArray().length).toBeGreaterThan(0);
    const back = decodeCheckpoint(encodeCheckpoint(book), 200);
    expect(bookState(back)).toEqual(bookState(book));
    expect(counters(back)).toEqual(counters(book));
  });

  it('a text that is not a checkpoint of this version is refused by name', () => {
    expect(() => decodeCheckpoint('{"v":99,"blocks":[]}', 10)).toThrow(/checkpoint version 99/);
  });
});
