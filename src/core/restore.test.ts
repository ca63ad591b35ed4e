import { describe, expect, it } from 'vitest';
import { bookState, snapshotThroughJson } from '../../test/support/book-state';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import { cleanup } from './cleanup';
import { restoreBook } from './restore';

function busyBook(): OrderBook {
  const book = createBook();
  const e = { engine: 'eng-1' };
  applyEvent(book, created('a', { ...e, seq: 1, ts: T0 + 125 }));
  applyEvent(book, moved('a', 'OPEN', { ...e, seq: 2, order_id: 'x-a', ts: T0 + 400 }));
  applyEvent(book, filled('a', 400, { ...e, seq: 3, ts: T0 + 1500 }));
  applyEvent(book, filled('a', 1000, { ...e, seq: 4, ts: T0 + 3000 }));
  applyEvent(book, created('b', { ...e, seq: 5, side: 'sell', size_usd: 250.5, route: 'live' }));
  applyEvent(book, moved('b', 'REJECTED', { ...e, seq: 6, reason: 'min notional', ts: T0 + 50 }));
  applyEvent(book, created('c', { engine: 'eng-2', seq: 1 }));
  applyEvent(book, filled('c', 3, { engine: 'eng-2', seq: 2 }));
  applyEvent(book, moved('ghost', 'OPEN', { engine: 'eng-2', seq: 3 }));
  return book;
}

describe('restoreBook', () => {
  it('rebuilds the same state from its JSON snapshot', () => {
    const book = busyBook();
    const restored = restoreBook(snapshotThroughJson(book));
    expect(bookState(restored)).toEqual(bookState(book));
    expect(restored.anomalyTotal).toBe(book.anomalyTotal);
  });

  it('keeps catching duplicates after a restore', () => {
    const restored = restoreBook(snapshotThroughJson(busyBook()));
    expect(applyEvent(restored, moved('a', 'CANCELED', { engine: 'eng-1', seq: 6 })).outcome).toBe('duplicate');
    expect(applyEvent(restored, moved('c', 'CANCELED', { engine: 'eng-2', seq: 4 })).outcome).toBe('applied');
  });

  it('rebuilds the terminal log so cleanup still removes the oldest completion first', () => {
    const restored = restoreBook(snapshotThroughJson(busyBook()));
    // b completed at T0+50, a at T0+3000.
    expect(cleanup(restored, 1)).toEqual(['b']);
  });

  it('complete anomaly counts survive when only the recent anomalies travel', () => {
    const book = createBook({ anomalyLimit: 1 });
    for (let i = 0; i < 4; i++) applyEvent(book, moved(`g${i}`, 'OPEN'));
    const restored = restoreBook(snapshotThroughJson(book), { anomalyLimit: 1 });
    expect(restored.anomalies.size).toBe(1);
    expect(restored.anomalyCounts.unknown_order).toBe(4);
    expect(restored.anomalyTotal).toBe(4);
  });
});
