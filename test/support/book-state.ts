import type { OrderBook } from '../../src/core/book';
import { anomalyToJson, orderToJson } from '../../src/core/serialize';
import { summarize } from '../../src/core/summary';

/**
 * Everything a book shows the outside world, as plain JSON: two books in the same state give
 * deep-equal values. Leaves out `rev` (a change counter for views) and the event/duplicate
 * tallies, which describe the input rather than the state.
 */
export function bookState(book: OrderBook) {
  return {
    orders: [...book.orders.values()].map(orderToJson),
    summary: summarize(book),
    anomalies: book.anomalies.toArray().map(anomalyToJson),
    anomalyCounts: { ...book.anomalyCounts },
    lastSeq: Object.fromEntries(book.lastSeq),
  };
}
