import type { Anomaly } from '../core/anomaly';
import type { OrderBook } from '../core/book';
import { anomalyToJson } from '../protocol/order-json';
import { summarize } from '../core/summary';
import { SNAPSHOT_VERSION } from '../protocol/snapshot-columns';

/**
 * Bytes a snapshot head (the `snapshot` message's data) holds at most, whatever the book: it
 * used to carry up to 10,000 anomalies and every engine's seq, 113 MB with long names, and one
 * such message blinded every dashboard. What does not fit stays on the relay: older anomalies
 * come from `GET /api/anomalies`, and seqs are only a dashboard's dedup hint (the relay already
 * dedups what it streams).
 */
export const MAX_HEAD_BYTES = 256 * 1024;
/** Of which engine seqs take at most half: 1,000 engines (the default --max-engines) of 64-byte names take ~85 KB. */
const LAST_SEQ_BYTES = MAX_HEAD_BYTES / 2;

export interface HeadFields {
  readonly rseq: number;
  readonly logId: string;
  readonly now: number;
  readonly staleAfterSec: number;
  readonly heartbeatMs: number;
  readonly keepTerminal: number;
  readonly orderCount: number;
  readonly blockSize: number;
}

/** JSON texts of `items`, taken in order while their total (with a comma each) stays within `budget` bytes. */
function takeWithin<T>(items: Iterable<T>, toJson: (item: T) => string, budget: number): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (const item of items) {
    const json = toJson(item);
    bytes += Buffer.byteLength(json) + 1;
    if (bytes > budget) break;
    out.push(json);
  }
  return out;
}

function* newestFirst(list: readonly Anomaly[]): Generator<Anomaly> {
  for (let i = list.length - 1; i >= 0; i--) yield list[i]!;
}

/**
 * The head as JSON, within MAX_HEAD_BYTES: the fixed fields, engine seqs while they fit half the
 * budget, then the newest anomalies that fit the rest (listed oldest first, as before).
 * `anomalies_first` is the number of the first one listed (anomaly n is the n-th the book ever
 * recorded), so a dashboard asks for older ones with `before=anomalies_first`.
 */
export function snapshotHeadJson(book: OrderBook, fields: HeadFields): string {
  const fixed =
    `{"v":${SNAPSHOT_VERSION},"rseq":${fields.rseq},"log_id":${JSON.stringify(fields.logId)},"now":${fields.now},"stale_after":${fields.staleAfterSec},"heartbeat_ms":${fields.heartbeatMs},"keep_terminal":${fields.keepTerminal}` +
    `,"order_count":${fields.orderCount},"block_size":${fields.blockSize}` +
    `,"summary":${JSON.stringify(summarize(book))}` +
    `,"anomaly_counts":${JSON.stringify(book.anomalyCounts)}`;
  const seqParts = takeWithin(book.lastSeq, ([engine, seq]) => `${JSON.stringify(engine)}:${seq}`, LAST_SEQ_BYTES);
  const seqs = seqParts.join(',');
  // What the rest of the head takes, and slack for the numbers still to come.
  const used = Buffer.byteLength(fixed) + Buffer.byteLength(seqs) + 200;
  // Filled from the newest; the head lists them oldest first, as it always has.
  const listed = takeWithin(
    newestFirst(book.anomalies.toArray()),
    (a) => JSON.stringify(anomalyToJson(a)),
    MAX_HEAD_BYTES - used,
  ).reverse();
  const complete = seqParts.length === book.lastSeq.size;
  return (
    `${fixed},"last_seq":{${seqs}}${complete ? '' : ',"last_seq_complete":false'}` +
    `,"anomalies":[${listed.join(',')}],"anomalies_first":${book.anomalyTotal - listed.length + 1},"anomalies_held":${book.anomalies.size}}`
  );
}
