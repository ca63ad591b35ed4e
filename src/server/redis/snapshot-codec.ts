import type { AnomalyKind } from '../../core/anomaly';
import type { BookOptions, OrderBook } from '../../core/book';
import type { Order } from '../../core/order';
import { restoreBook } from '../../core/restore';
import type { AnomalyJson, OrderJson } from '../../protocol/order-json';
import { anomalyFromJson, anomalyToJson, orderFromJson } from '../../protocol/order-json';
import { ordersFromColumns } from '../../protocol/snapshot-columns-decode';
import { blockEnds, encodedBlock, trimBlockCache } from '../block-cache';

/** Where in the cluster's history a snapshot stands: the state after entry `id` of `stream`. */
export interface SnapshotPosition {
  readonly stream: string;
  readonly id: string;
  readonly rseq: number;
}

/**
 * v2: a head line, then one line per block of orders in the dashboards' column form
 * (`OrderColumns`, docs/protocol.md). v1 was one JSON document with an object per order; it is
 * still read, so relays upgraded one by one keep using the snapshot an older one stored.
 */
const VERSION = 2;
const LEGACY_VERSION = 1;
const NEWLINE = 0x0a;

/** One line of a stored snapshot: its JSON (the newline is added when stored), and its gzip once made. */
export interface SnapshotLine {
  readonly json: string;
  gz?: Buffer;
}

/**
 * The book as snapshot lines, one block each (about 100 KB), so a relay writing a snapshot of a
 * big book can yield to its event loop between lines. Blocks come from the same cache as the
 * dashboards' snapshots, made by the same cuts: only blocks whose orders changed since are
 * encoded (and compressed) again.
 */
export function* snapshotLines(book: OrderBook, position: SnapshotPosition, now: number): Generator<SnapshotLine> {
  const orders = Array.from(book.orders.values());
  const ends = blockEnds(orders);
  trimBlockCache(book, ends.length);
  const head = {
    v: VERSION,
    stream: position.stream,
    id: position.id,
    rseq: position.rseq,
    written_at: now,
    order_count: orders.length,
    last_seq: Object.fromEntries(book.lastSeq),
    anomaly_counts: book.anomalyCounts,
    anomalies: book.anomalies.toArray().map(anomalyToJson),
  };
  yield { json: JSON.stringify(head) };
  let from = 0;
  for (const to of ends) {
    yield encodedBlock(book, orders.slice(from, to));
    from = to;
  }
}

export interface DecodedSnapshot {
  readonly position: SnapshotPosition;
  readonly book: OrderBook;
}

interface HeadJson {
  v: number;
  stream: string;
  id: string;
  rseq: number;
  order_count?: number;
  last_seq: Record<string, number>;
  anomaly_counts: Record<AnomalyKind, number>;
  anomalies: AnomalyJson[];
  /** v1 only: the orders, in the document itself. */
  orders?: OrderJson[];
}

function isHead(value: unknown): value is HeadJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof HeadJson, unknown>>;
  const known =
    (v.v === VERSION && typeof v.order_count === 'number' && Number.isSafeInteger(v.order_count) && v.order_count >= 0) ||
    (v.v === LEGACY_VERSION && Array.isArray(v.orders));
  return (
    known &&
    typeof v.stream === 'string' &&
    typeof v.id === 'string' &&
    typeof v.rseq === 'number' &&
    typeof v.last_seq === 'object' &&
    typeof v.anomaly_counts === 'object' &&
    Array.isArray(v.anomalies)
  );
}

/** The orders of a v2 snapshot from its block lines, or what made them unreadable. */
function readBlocks(data: Buffer, from: number, expected: number): Order[] | { error: string } {
  const orders: Order[] = [];
  let line = 0;
  for (let start = from; start < data.length; line++) {
    const newline = data.indexOf(NEWLINE, start);
    const end = newline === -1 ? data.length : newline;
    let block: unknown;
    try {
      block = JSON.parse(data.toString('utf8', start, end));
    } catch {
      return { error: `snapshot block ${line} is not JSON` };
    }
    // A book with an order missing would look whole and be wrong: one bad order spoils the snapshot.
    const skipped = ordersFromColumns(block, orders);
    if (skipped > 0) return { error: `snapshot block ${line} has ${skipped} unreadable orders` };
    start = end + 1;
  }
  if (orders.length !== expected) return { error: `snapshot holds ${orders.length} orders, its head says ${expected}` };
  return orders;
}

/**
 * Rebuilds a book from a stored snapshot (gunzipped). The snapshot was written by a relay of
 * this version or the one before; anything else (another version, a truncated value) is an
 * error the caller counts, after which it rebuilds from the stream alone.
 */
export function decodeSnapshot(data: Buffer, options: BookOptions = {}): DecodedSnapshot | { error: string } {
  const headEnd = data.indexOf(NEWLINE);
  let head: unknown;
  try {
    head = JSON.parse(data.toString('utf8', 0, headEnd === -1 ? data.length : headEnd));
  } catch {
    return { error: 'snapshot is not JSON' };
  }
  if (!isHead(head)) return { error: 'snapshot has an unknown shape or version' };
  let orders: Order[];
  if (head.v === LEGACY_VERSION) orders = head.orders!.map(orderFromJson);
  else {
    const read = readBlocks(data, headEnd === -1 ? data.length : headEnd + 1, head.order_count!);
    if ('error' in read) return read;
    orders = read;
  }
  const book = restoreBook(
    { orders, anomalies: head.anomalies.map(anomalyFromJson), lastSeq: head.last_seq, anomalyCounts: head.anomaly_counts },
    options,
  );
  return { position: { stream: head.stream, id: head.id, rseq: head.rseq }, book };
}
