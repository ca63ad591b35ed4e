import { applyEvent } from '../../src/core/apply';
import type { OrderBook } from '../../src/core/book';
import { createBook } from '../../src/core/book';
import { cleanupAfterEvent } from '../../src/core/cleanup';
import { createEventMix } from './event-mix';

/** A book as a relay holds one: 3,000 seeded orders with faults (anomalies), cleaned up past 1,000 finished. */
export function seededBook(anomalyLimit = 200): OrderBook {
  const book = createBook({ anomalyLimit });
  for (const event of createEventMix({ seed: 7, orders: 3_000, faults: 0.05 })) {
    applyEvent(book, event);
    cleanupAfterEvent(book, 1_000);
  }
  return book;
}
