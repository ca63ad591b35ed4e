import type { Anomaly, AnomalyKind } from './anomaly';
import type { BookOptions, OrderBook } from './book';
import { createBook } from './book';
import type { Order } from './order';
import { byCompletion } from './cleanup';
import { isTerminal } from './status';

export interface BookSnapshot {
  readonly orders: readonly Order[];
  readonly anomalies?: readonly Anomaly[];
  /** Highest seq per engine, so duplicates keep being caught after a restore. */
  readonly lastSeq?: Readonly<Record<string, number>>;
  /** Complete counts by kind; `anomalies` may be only the most recent ones. */
  readonly anomalyCounts?: Readonly<Record<AnomalyKind, number>>;
}

/** Rebuilds a book (counters, terminal log, dedup state) from a snapshot of its orders. */
export function restoreBook(snapshot: BookSnapshot, options: BookOptions = {}): OrderBook {
  const book = createBook(options);
  for (const order of snapshot.orders) {
    book.orders.set(order.client_order_id, order);
    book.byStatus[order.status]++;
    if (isTerminal(order.status)) book.terminalLog.push(order);
  }
  book.terminalLog.sort(byCompletion);
  book.terminalSorted = book.terminalLog.length;
  for (const anomaly of snapshot.anomalies ?? []) {
    book.anomalies.push(anomaly);
    book.anomalyCounts[anomaly.kind]++;
  }
  if (snapshot.anomalyCounts) Object.assign(book.anomalyCounts, snapshot.anomalyCounts);
  for (const n of Object.values(book.anomalyCounts)) book.anomalyTotal += n;
  for (const [engine, seq] of Object.entries(snapshot.lastSeq ?? {})) book.lastSeq.set(engine, seq);
  return book;
}
