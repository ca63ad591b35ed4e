import type { OrderBook } from '../core/book';
import { staleOrders } from '../core/queries';
import { anomalyToJson, orderToJson } from './order-json';
import { summarize } from '../core/summary';

/** The fields every "full state" report shares: the replay CLI's output, /api/orders, snapshots. */
export interface ReportHead {
  readonly now: number;
  readonly staleAfter: number;
  readonly rejectedLines: number;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * Writes the replay report as JSON in pieces, so a book of millions of orders never has to
 * become one string (V8 caps strings near 512 MB).
 */
export function* reportChunks(book: OrderBook, head: ReportHead): Generator<string> {
  const extra = head.extra ?? {};
  let prefix = '{';
  for (const [key, value] of Object.entries(extra)) {
    prefix += `${JSON.stringify(key)}:${JSON.stringify(value)},`;
  }
  yield `${prefix}"summary":${JSON.stringify(summarize(book))},"orders":[`;
  let first = true;
  let buffer = '';
  for (const order of book.orders.values()) {
    buffer += (first ? '' : ',') + JSON.stringify(orderToJson(order));
    first = false;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}],"stale":${JSON.stringify(staleOrders(book, head.now, head.staleAfter).map((o) => o.client_order_id))}`;
  yield `,"anomalies":[`;
  first = true;
  buffer = '';
  for (const anomaly of book.anomalies.toArray()) {
    buffer += (first ? '' : ',') + JSON.stringify(anomalyToJson(anomaly));
    first = false;
    if (buffer.length > 1 << 16) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}],"rejected_lines":${head.rejectedLines},"duplicates":${book.duplicates}}\n`;
}
