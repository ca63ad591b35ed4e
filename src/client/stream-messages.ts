import type { Anomaly, AnomalyKind } from '../core/anomaly';
import { ANOMALY_KINDS } from '../core/anomaly';
import type { Order } from '../core/order';
import type { AnomalyJson, OrderJson } from '../core/serialize';
import { anomalyFromJson, orderFromJson } from '../core/serialize';
import { isStatus } from '../core/status';
import { decodeEvent } from '../protocol/decode';
import type { StreamItem } from '../store/dashboard-store';
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
  /** Orders or anomalies in the snapshot that could not be read (skipped). */
  readonly skipped: number;
}

export interface Heartbeat {
  readonly now: number;
  readonly rseq: number;
  readonly logId: string | null;
  /** The relay lost its event store: what it shows may be behind. */
  readonly degraded: boolean;
}

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

function looksLikeOrder(v: unknown): v is OrderJson {
  if (!isRecord(v)) return false;
  return (
    str(v.client_order_id) && str(v.symbol) && str(v.engine) && str(v.route) && (v.side === 'buy' || v.side === 'sell') &&
    isStatus(v.status) && num(v.size_usd) && num(v.filled_size) && num(v.filled_value) && num(v.fees) && num(v.fill_pct) &&
    str(v.created_at) && str(v.last_update_at) && Array.isArray(v.history) && Array.isArray(v.fills)
  );
}

function looksLikeAnomaly(v: unknown): v is AnomalyJson {
  return isRecord(v) && str(v.kind) && (ANOMALY_KINDS as readonly string[]).includes(v.kind) && str(v.client_order_id) && str(v.ts);
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Decodes `event: snapshot` data; null when it is not a snapshot at all. Bad orders are skipped and counted. */
export function parseSnapshot(data: string): Snapshot | null {
  const v = parseJson(data);
  if (!isRecord(v) || !num(v.rseq) || !num(v.now) || !Array.isArray(v.orders)) return null;
  let skipped = 0;
  const orders: Order[] = [];
  for (const o of v.orders) {
    const order = looksLikeOrder(o) ? orderFromJson(o) : null;
    if (order === null || !num(order.created_at) || !num(order.last_update_at)) skipped++;
    else orders.push(order);
  }
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
    orders,
    anomalies,
    anomalyCounts: readCounts(v.anomaly_counts),
    lastSeq,
    staleAfterSec: num(v.stale_after) && v.stale_after > 0 ? v.stale_after : 300,
    heartbeatMs: num(v.heartbeat_ms) && v.heartbeat_ms > 0 ? v.heartbeat_ms : 5000,
    keepTerminal: num(v.keep_terminal) && v.keep_terminal >= 0 ? v.keep_terminal : DEFAULT_KEEP_TERMINAL,
    skipped,
  };
}

function readCounts(v: unknown): Record<AnomalyKind, number> | undefined {
  if (!isRecord(v)) return undefined;
  const out = {} as Record<AnomalyKind, number>;
  for (const kind of ANOMALY_KINDS) out[kind] = num(v[kind]) ? v[kind] : 0;
  return out;
}

export function parseHeartbeat(data: string): Heartbeat | null {
  const v = parseJson(data);
  if (!isRecord(v) || !num(v.now) || !num(v.rseq)) return null;
  return { now: v.now, rseq: v.rseq, logId: str(v.log_id) ? v.log_id : null, degraded: v.degraded === true };
}

/** One numbered entry of an `events` message; `item` is null when its event could not be read. */
export interface EventEntry {
  readonly rseq: number;
  readonly item: StreamItem | null;
}

export interface ParsedEvents {
  readonly entries: EventEntry[];
  /** Entries that were unreadable, numbered or not. */
  readonly bad: number;
}

/** Decodes `event: events` data; each inner event goes through the wire-format decoder. */
export function parseEvents(data: string): ParsedEvents | null {
  const v = parseJson(data);
  if (!Array.isArray(v)) return null;
  const entries: EventEntry[] = [];
  let bad = 0;
  for (const raw of v) {
    if (!isRecord(raw) || !num(raw.rseq)) {
      bad++;
      continue;
    }
    const decoded = decodeEvent(raw.event);
    if (!decoded.ok) bad++;
    const item = decoded.ok ? { rseq: raw.rseq, at: num(raw.at) ? raw.at : decoded.event.ts, event: decoded.event } : null;
    entries.push({ rseq: raw.rseq, item });
  }
  return { entries, bad };
}
