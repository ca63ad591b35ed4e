import type { Anomaly, AnomalyKind } from '../core/anomaly';
import { ANOMALY_KINDS } from '../core/anomaly';
import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { summarize } from '../core/summary';
import { utf8Length } from './field-limits';
import type { AnomalyJson } from './order-json';
import { anomalyFromJson, anomalyToJson } from './order-json';
import { SNAPSHOT_VERSION } from './snapshot-columns';
import { ordersFromColumns } from './snapshot-columns-decode';

/*
 * The stream's snapshot (docs/protocol.md, snapshot v2): a `snapshot` message with everything but
 * the orders (the head), `snapshot_orders` messages of orders in columns (snapshot-columns.ts),
 * and `snapshot_end`. The relay's writer (server/snapshot-source.ts) and the dashboard's reader
 * (SnapshotReader) meet here.
 */

/** The relay's default --keep-terminal; a snapshot head carries the real one. */
export const DEFAULT_KEEP_TERMINAL = 50_000;

export const snapshotMessage = (headJson: string): string => `event: snapshot\ndata: ${headJson}\n\n`;
export const snapshotOrdersMessage = (blockJson: string): string => `event: snapshot_orders\ndata: ${blockJson}\n\n`;
/** The end carries the rseq as its id: a client resumes from it. */
export const snapshotEndMessage = (rseq: number): string => `id: ${rseq}\nevent: snapshot_end\ndata: {"rseq":${rseq}}\n\n`;

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
    bytes += utf8Length(json) + 1;
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
  const used = utf8Length(fixed) + utf8Length(seqs) + 200;
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

/** A relay snapshot, decoded for the browser's core. */
export interface Snapshot {
  readonly rseq: number;
  /** The relay's numbering of rseq; resuming is only meaningful within the same one. */
  readonly logId: string | null;
  readonly now: number;
  readonly orders: Order[];
  readonly anomalies: Anomaly[];
  readonly anomalyCounts: Record<AnomalyKind, number> | undefined;
  readonly lastSeq: Record<string, number>;
  readonly staleAfterSec: number;
  readonly heartbeatMs: number;
  /** Terminal orders to keep (the relay's cleanup policy). */
  readonly keepTerminal: number;
  /** Orders or anomalies in the snapshot that could not be read (skipped), missing ones included. */
  readonly skipped: number;
}

type Rec = Record<string, unknown>;
type Head = Omit<Snapshot, 'orders' | 'skipped'> & { readonly orderCount: number; readonly skipped: number };

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

function looksLikeAnomaly(v: unknown): v is AnomalyJson {
  return isRecord(v) && str(v.kind) && (ANOMALY_KINDS as readonly string[]).includes(v.kind) && str(v.client_order_id) && str(v.ts);
}

function readCounts(v: unknown): Record<AnomalyKind, number> | undefined {
  if (!isRecord(v)) return undefined;
  const out = {} as Record<AnomalyKind, number>;
  for (const kind of ANOMALY_KINDS) out[kind] = num(v[kind]) ? v[kind] : 0;
  return out;
}

/** The `snapshot` message: everything but the orders; null when it is not a v2 snapshot head. */
function parseHead(data: string): Head | null {
  const v = parseJson(data);
  if (!isRecord(v) || v.v !== SNAPSHOT_VERSION || !num(v.rseq) || !num(v.now) || !num(v.order_count) || v.order_count < 0) return null;
  let skipped = 0;
  const anomalies: Anomaly[] = [];
  for (const a of Array.isArray(v.anomalies) ? v.anomalies : []) {
    if (looksLikeAnomaly(a)) anomalies.push(anomalyFromJson(a));
    else skipped++;
  }
  const lastSeq: Record<string, number> = {};
  if (isRecord(v.last_seq)) for (const [engine, seq] of Object.entries(v.last_seq)) if (num(seq)) lastSeq[engine] = seq;
  return {
    rseq: v.rseq,
    logId: str(v.log_id) ? v.log_id : null,
    now: v.now,
    anomalies,
    anomalyCounts: readCounts(v.anomaly_counts),
    lastSeq,
    staleAfterSec: num(v.stale_after) && v.stale_after > 0 ? v.stale_after : 300,
    heartbeatMs: num(v.heartbeat_ms) && v.heartbeat_ms > 0 ? v.heartbeat_ms : 5000,
    keepTerminal: num(v.keep_terminal) && v.keep_terminal >= 0 ? v.keep_terminal : DEFAULT_KEEP_TERMINAL,
    orderCount: v.order_count,
    skipped,
  };
}

/**
 * Reads a snapshot (v2) as its messages arrive: `snapshot`, then each `snapshot_orders` block is
 * decoded straight into core Orders on arrival, then `snapshot_end` gives the whole snapshot.
 * Bad orders and blocks are skipped and counted; so are orders announced but never received.
 */
export class SnapshotReader {
  private head: Head | null = null;
  private orders: Order[] = [];

  /** A `snapshot` message starts a new snapshot (dropping any unfinished one); false when unreadable. */
  begin(data: string): boolean {
    this.head = parseHead(data);
    this.orders = [];
    return this.head !== null;
  }

  /** A `snapshot_orders` message; false when no snapshot is being read. */
  add(data: string): boolean {
    if (this.head === null) return false;
    // An unreadable block is counted at `end`, as orders announced but not received.
    ordersFromColumns(parseJson(data), this.orders);
    return true;
  }

  /** `snapshot_end`: the whole snapshot, or null when none was begun or the end names another rseq. */
  end(data: string): Snapshot | null {
    const head = this.head;
    const orders = this.orders;
    this.reset();
    const v = parseJson(data);
    if (head === null || !isRecord(v) || v.rseq !== head.rseq) return null;
    const { orderCount, skipped, ...rest } = head;
    return { ...rest, orders, skipped: skipped + Math.max(0, orderCount - orders.length) };
  }

  /** Forgets an unfinished snapshot (its connection ended). */
  reset(): void {
    this.head = null;
    this.orders = [];
  }
}
