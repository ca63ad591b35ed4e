import type { Anomaly } from '../core/anomaly';
import type { Cause, FillEntry, HistoryEntry, Order, Side } from '../core/order';
import type { Status } from '../core/status';
import { readIsoMs } from './iso-time';

/*
 * The order JSON wire (relay snapshots, /api/orders, history pages, reports), encoder beside
 * decoder. The core keeps epoch-ms numbers only; ISO strings exist here and nowhere inside it.
 */

/** An order as it travels in JSON: timestamps as ISO-8601 UTC strings (or null). */
export interface OrderJson {
  client_order_id: string;
  order_id: string | null;
  engine: string;
  symbol: string;
  side: Side;
  size_usd: number;
  route: string;
  status: Status;
  filled_size: number;
  filled_value: number;
  fees: number;
  avg_price: number | null;
  fill_pct: number;
  created_at: string;
  submitted_at: string | null;
  first_fill_at: string | null;
  completed_at: string | null;
  last_update_at: string;
  history: { from: Status; to: Status; at: string; cause: Cause; reason?: string }[];
  fills: { at: string; filled_size: number; filled_value: number; fees: number }[];
}

export interface AnomalyJson {
  kind: Anomaly['kind'];
  client_order_id: string;
  engine: string;
  seq: number | null;
  ts: string;
  detail: string;
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function orderToJson(o: Order): OrderJson {
  return {
    client_order_id: o.client_order_id,
    order_id: o.order_id,
    engine: o.engine,
    symbol: o.symbol,
    side: o.side,
    size_usd: o.size_usd,
    route: o.route,
    status: o.status,
    filled_size: o.filled_size,
    filled_value: o.filled_value,
    fees: o.fees,
    avg_price: o.avg_price,
    fill_pct: o.fill_pct,
    created_at: iso(o.created_at),
    submitted_at: isoOrNull(o.submitted_at),
    first_fill_at: isoOrNull(o.first_fill_at),
    completed_at: isoOrNull(o.completed_at),
    last_update_at: iso(o.last_update_at),
    history: o.history.map((h) => ({ ...h, at: iso(h.at) })),
    fills: o.fills.map((f: FillEntry) => ({ ...f, at: iso(f.at) })),
  };
}

function msOrNull(s: string | null): number | null {
  return s === null ? null : readIsoMs(s);
}

/**
 * The inverse of `orderToJson`, for a client rebuilding a book from a relay snapshot. Fields
 * are copied one by one (no spreads): it runs for every order of a 100k snapshot.
 */
export function orderFromJson(j: OrderJson): Order {
  const history: HistoryEntry[] = new Array<HistoryEntry>(j.history.length);
  for (let i = 0; i < history.length; i++) {
    const h = j.history[i]!;
    history[i] =
      h.reason === undefined
        ? { from: h.from, to: h.to, at: readIsoMs(h.at), cause: h.cause }
        : { from: h.from, to: h.to, at: readIsoMs(h.at), cause: h.cause, reason: h.reason };
  }
  const fills: FillEntry[] = new Array<FillEntry>(j.fills.length);
  for (let i = 0; i < fills.length; i++) {
    const f = j.fills[i]!;
    fills[i] = { at: readIsoMs(f.at), filled_size: f.filled_size, filled_value: f.filled_value, fees: f.fees };
  }
  return {
    client_order_id: j.client_order_id,
    order_id: j.order_id,
    engine: j.engine,
    symbol: j.symbol,
    side: j.side,
    size_usd: j.size_usd,
    route: j.route,
    status: j.status,
    filled_size: j.filled_size,
    filled_value: j.filled_value,
    fees: j.fees,
    avg_price: j.avg_price,
    fill_pct: j.fill_pct,
    created_at: readIsoMs(j.created_at),
    submitted_at: msOrNull(j.submitted_at),
    first_fill_at: msOrNull(j.first_fill_at),
    completed_at: msOrNull(j.completed_at),
    last_update_at: readIsoMs(j.last_update_at),
    history,
    fills,
    rev: 0,
  };
}

export function anomalyToJson(a: Anomaly): AnomalyJson {
  return { ...a, ts: iso(a.ts) };
}

export function anomalyFromJson(a: AnomalyJson): Anomaly {
  return { ...a, ts: Date.parse(a.ts) };
}
