import type { Anomaly, AnomalyKind } from '../core/anomaly';
import { ANOMALY_KINDS } from '../core/anomaly';
import type { Order } from '../core/order';
import type { AnomalyJson } from '../protocol/order-json';
import { anomalyFromJson } from '../protocol/order-json';
import { SNAPSHOT_VERSION } from '../protocol/snapshot-columns';
import { ordersFromColumns } from '../protocol/snapshot-columns-decode';
import { DEFAULT_KEEP_TERMINAL } from '../store/dashboard-store';

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
