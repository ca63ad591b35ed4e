import type { AnomalyKind } from '../../core/anomaly';
import type { BookOptions, OrderBook } from '../../core/book';
import type { Order } from '../../core/order';
import { restoreBook } from '../../core/restore';
import type { AnomalyJson, OrderJson } from '../../core/serialize';
import { anomalyFromJson, anomalyToJson, orderFromJson, orderToJson } from '../../core/serialize';

/** Where in the cluster's history a snapshot stands: the state after entry `id` of `stream`. */
export interface SnapshotPosition {
  readonly stream: string;
  readonly id: string;
  readonly rseq: number;
}

const VERSION = 1;
const CHUNK_CHARS = 1 << 16;

/**
 * The book as JSON in ~64 KiB pieces, so a relay writing a snapshot of a big book can yield to
 * its event loop between pieces instead of stalling every stream for a second.
 */
export function* snapshotChunks(
  book: OrderBook,
  position: SnapshotPosition,
  now: number,
  orderJson: (order: Order) => string = (order) => JSON.stringify(orderToJson(order)),
): Generator<string> {
  const head = {
    v: VERSION,
    stream: position.stream,
    id: position.id,
    rseq: position.rseq,
    written_at: now,
    last_seq: Object.fromEntries(book.lastSeq),
    anomaly_counts: book.anomalyCounts,
    anomalies: book.anomalies.toArray().map(anomalyToJson),
  };
  const text = JSON.stringify(head);
  yield `${text.slice(0, -1)},"orders":[`;
  let buffer = '';
  let first = true;
  for (const order of book.orders.values()) {
    buffer += (first ? '' : ',') + orderJson(order);
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
}

export interface DecodedSnapshot {
  readonly position: SnapshotPosition;
  readonly book: OrderBook;
}

interface SnapshotJson {
  v: number;
  stream: string;
  id: string;
  rseq: number;
  last_seq: Record<string, number>;
  anomaly_counts: Record<AnomalyKind, number>;
  anomalies: AnomalyJson[];
  orders: OrderJson[];
}

function isSnapshotJson(value: unknown): value is SnapshotJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof SnapshotJson, unknown>>;
  return (
    v.v === VERSION &&
    typeof v.stream === 'string' &&
    typeof v.id === 'string' &&
    typeof v.rseq === 'number' &&
    typeof v.last_seq === 'object' &&
    typeof v.anomaly_counts === 'object' &&
    Array.isArray(v.anomalies) &&
    Array.isArray(v.orders)
  );
}

/**
 * Rebuilds a book from a stored snapshot. The snapshot was written by a relay of this version;
 * anything else (another version, a truncated value) is an error the caller counts, after
 * which it rebuilds from the stream alone.
 */
export function decodeSnapshot(text: string, options: BookOptions = {}): DecodedSnapshot | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'snapshot is not JSON' };
  }
  if (!isSnapshotJson(value)) return { error: 'snapshot has an unknown shape or version' };
  const book = restoreBook(
    {
      orders: value.orders.map(orderFromJson),
      anomalies: value.anomalies.map(anomalyFromJson),
      lastSeq: value.last_seq,
      anomalyCounts: value.anomaly_counts,
    },
    options,
  );
  return { position: { stream: value.stream, id: value.id, rseq: value.rseq }, book };
}
