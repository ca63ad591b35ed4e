import type { Anomaly, AnomalyKind } from '../core/anomaly';
import type { OrderBook } from '../core/book';
import { createBook } from '../core/book';
import type { Order } from '../core/order';
import type { Status } from '../core/status';
import type { OrderColumns } from './snapshot-columns';
import { ordersToColumns } from './snapshot-columns';
import { ordersFromColumns } from './snapshot-columns-decode';

/*
 * A whole book as one JSON text, for the relay's journal (issue 15): a restart reads the newest
 * checkpoint and replays only the events after it, and events older than it may be pruned.
 * Orders travel in the snapshot's column blocks (snapshot-columns.ts), which round-trip every
 * field exactly; the rest is the book's counters and dedup marks.
 */

export const CHECKPOINT_VERSION = 1;
/** Orders per column block: bounds each block's string (a book of a million orders is 200 blocks). */
const BLOCK = 5_000;

interface CheckpointJson {
  v: number;
  blocks: OrderColumns[];
  terminal: string[];
  terminal_sorted: number;
  last_seq: [string, number][];
  /** Each engine's latest event ts; absent from checkpoints written before engine health. */
  engines?: [string, number][];
  anomalies: Anomaly[];
  anomaly_counts: Record<AnomalyKind, number>;
  anomaly_total: number;
  by_status: Record<Status, number>;
  duplicates: number;
  events_seen: number;
  evicted: number;
}

/**
 * The book as checkpoint text. `blockTexts` gives the orders as `OrderColumns` JSON texts, in
 * book order: the relay passes its block cache (blocks whose orders did not change since the
 * last snapshot or checkpoint are not encoded again), and the text is the same either way.
 */
export function encodeCheckpoint(book: OrderBook, blockTexts: (orders: readonly Order[]) => readonly string[] = blocksOf): string {
  const rest: Omit<CheckpointJson, 'v' | 'blocks'> = {
    terminal: book.terminalLog.map((o) => o.client_order_id),
    terminal_sorted: book.terminalSorted,
    last_seq: [...book.lastSeq],
    engines: [...book.engines],
    anomalies: book.anomalies.toArray(),
    anomaly_counts: book.anomalyCounts,
    anomaly_total: book.anomalyTotal,
    by_status: book.byStatus,
    duplicates: book.duplicates,
    events_seen: book.eventsSeen,
    evicted: book.evicted,
  };
  // Spliced rather than stringified whole, so each block's text can come from a cache.
  const tail = JSON.stringify(rest).slice(1);
  const blocks = blockTexts([...book.orders.values()]);
  return `{"v":${CHECKPOINT_VERSION},"blocks":[${blocks.join(',')}]${tail === '}' ? '}' : `,${tail}`}`;
}

function blocksOf(orders: readonly Order[]): string[] {
  const texts: string[] = [];
  for (let from = 0; from < orders.length; from += BLOCK) texts.push(JSON.stringify(ordersToColumns(orders.slice(from, from + BLOCK))));
  return texts;
}

/** The book a checkpoint holds; throws naming what is wrong when it is not one this code wrote. */
export function decodeCheckpoint(text: string, anomalyLimit: number): OrderBook {
  const json = JSON.parse(text) as CheckpointJson;
  if (json.v !== CHECKPOINT_VERSION) throw new Error(`checkpoint version ${String(json.v)}, this relay reads ${CHECKPOINT_VERSION}`);
  const book = createBook({ anomalyLimit });
  const orders: Order[] = [];
  let skipped = 0;
  for (const block of json.blocks) skipped += ordersFromColumns(block, orders);
  if (skipped > 0) throw new Error(`checkpoint holds ${skipped} unreadable orders`);
  for (const order of orders) book.orders.set(order.client_order_id, order);
  for (const id of json.terminal) {
    const order = book.orders.get(id);
    if (order !== undefined) book.terminalLog.push(order);
  }
  book.terminalSorted = Math.min(json.terminal_sorted, book.terminalLog.length);
  for (const [engine, seq] of json.last_seq) book.lastSeq.set(engine, seq);
  for (const [engine, ts] of json.engines ?? []) book.engines.set(engine, ts);
  for (const anomaly of json.anomalies) book.anomalies.push(anomaly);
  Object.assign(book.anomalyCounts, json.anomaly_counts);
  Object.assign(book.byStatus, json.by_status);
  book.anomalyTotal = json.anomaly_total;
  book.duplicates = json.duplicates;
  book.eventsSeen = json.events_seen;
  book.evicted = json.evicted;
  return book;
}
