import type { OrderBook } from '../../core/book';

/**
 * Makes `target` hold exactly what `source` holds. The relay's book is one long-lived object
 * that the hub, metrics and cleanup all reference, so a book restored from the cluster
 * snapshot is copied into it rather than swapped in.
 */
export function copyBookInto(target: OrderBook, source: OrderBook): void {
  target.orders.clear();
  for (const [id, order] of source.orders) target.orders.set(id, order);
  target.lastSeq.clear();
  for (const [engine, seq] of source.lastSeq) target.lastSeq.set(engine, seq);
  target.engines.clear();
  for (const [engine, ts] of source.engines) target.engines.set(engine, ts);
  Object.assign(target.byStatus, source.byStatus);
  Object.assign(target.anomalyCounts, source.anomalyCounts);
  target.anomalies.clear();
  for (const anomaly of source.anomalies.toArray()) target.anomalies.push(anomaly);
  target.terminalLog = source.terminalLog.slice();
  target.terminalSorted = source.terminalSorted;
  target.duplicates = source.duplicates;
  target.anomalyTotal = source.anomalyTotal;
  target.eventsSeen = source.eventsSeen;
  target.evicted = source.evicted;
}
