import type { OrderBook } from '../../src/core/book';
import type { BookSnapshot } from '../../src/core/restore';
import type { AnomalyJson, OrderJson } from '../../src/protocol/order-json';
import { anomalyFromJson, anomalyToJson, orderFromJson, orderToJson } from '../../src/protocol/order-json';
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

/** What a relay sends and a client receives: a snapshot through JSON text and back, for restoreBook. */
export function snapshotThroughJson(book: OrderBook): BookSnapshot {
  const text = JSON.stringify({
    orders: [...book.orders.values()].map(orderToJson),
    anomalies: book.anomalies.toArray().map(anomalyToJson),
    anomalyCounts: book.anomalyCounts,
    lastSeq: Object.fromEntries(book.lastSeq),
  });
  const parsed = JSON.parse(text) as {
    orders: OrderJson[];
    anomalies: AnomalyJson[];
    anomalyCounts: OrderBook['anomalyCounts'];
    lastSeq: Record<string, number>;
  };
  return { ...parsed, orders: parsed.orders.map(orderFromJson), anomalies: parsed.anomalies.map(anomalyFromJson) };
}
