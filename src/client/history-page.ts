import type { Cause, FillEntry, HistoryEntry, Order } from '../core/order';
import { MAX_FILLS_KEPT } from '../core/order';
import { isStatus } from '../core/status';
import { ID_MAX_BYTES, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem } from '../protocol/field-limits';
import type { HistoryReply } from '../store/history-store';

/** More orders than the relay's largest page (500) is not a page it wrote. */
export const HISTORY_PAGE_MAX_ORDERS = 500;
/** A finished order goes through a handful of states; more than this is not one the relay kept. */
export const HISTORY_ENTRIES_MAX = 256;
/** The relay's cursor is a short token; a longer one is not echoed back to it. */
export const CURSOR_MAX_BYTES = 512;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const CAUSES: ReadonlySet<string> = new Set<Cause>(['transition', 'fill', 'implicit']);

/** Thrown inside `readOrder` only, caught there: carries the field that is wrong and why. */
class Bad extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function text(v: Rec, field: string, maxBytes: number): string {
  const value = v[field];
  if (typeof value !== 'string') throw new Bad(`${field}: not a string`);
  const problem = textProblem(value, maxBytes);
  if (problem !== undefined) throw new Bad(`${field}: ${problem}`);
  return value;
}

function num(v: Rec, field: string): number {
  const value = v[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Bad(`${field}: not a finite number`);
  return value;
}

function time(v: Rec, field: string): number {
  const value = v[field];
  const ms = typeof value === 'string' && value.length <= 40 ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Bad(`${field}: not an ISO-8601 time`);
  return ms;
}

const orNull = <T>(v: Rec, field: string, read: (v: Rec, field: string) => T): T | null => (v[field] === null ? null : read(v, field));

function list(v: Rec, field: string, max: number): Rec[] {
  const value = v[field];
  if (!Array.isArray(value)) throw new Bad(`${field}: not an array`);
  if (value.length > max) throw new Bad(`${field}: ${value.length} entries, the limit is ${max}`);
  return value.map((item: unknown, i) => {
    if (!isRecord(item)) throw new Bad(`${field}[${i}]: not an object`);
    return item;
  });
}

function historyEntry(h: Rec, i: number): HistoryEntry {
  const from = h.from;
  const to = h.to;
  if (!isStatus(from) || !isStatus(to)) throw new Bad(`history[${i}]: from/to is not a status`);
  const cause = h.cause;
  if (typeof cause !== 'string' || !CAUSES.has(cause)) throw new Bad(`history[${i}].cause: not transition, fill or implicit`);
  const at = time(h, 'at');
  if (h.reason === undefined) return { from, to, at, cause: cause as Cause };
  return { from, to, at, cause: cause as Cause, reason: text(h, 'reason', REASON_MAX_BYTES) };
}

function fillEntry(f: Rec): FillEntry {
  return { at: time(f, 'at'), filled_size: num(f, 'filled_size'), filled_value: num(f, 'filled_value'), fees: num(f, 'fees') };
}

/** One row of a history page as the core's Order, or what is wrong with it (field and limit). */
export function readHistoryOrder(v: unknown): { readonly order: Order } | { readonly reason: string } {
  if (!isRecord(v)) return { reason: 'not an object' };
  try {
    const side = v.side;
    if (side !== 'buy' && side !== 'sell') throw new Bad('side: not buy or sell');
    const status = v.status;
    if (!isStatus(status)) throw new Bad('status: not a status');
    const order: Order = {
      client_order_id: text(v, 'client_order_id', ID_MAX_BYTES),
      order_id: orNull(v, 'order_id', (r, f) => text(r, f, ID_MAX_BYTES)),
      engine: text(v, 'engine', NAME_MAX_BYTES),
      symbol: text(v, 'symbol', NAME_MAX_BYTES),
      side,
      size_usd: num(v, 'size_usd'),
      route: text(v, 'route', NAME_MAX_BYTES),
      status,
      filled_size: num(v, 'filled_size'),
      filled_value: num(v, 'filled_value'),
      fees: num(v, 'fees'),
      avg_price: orNull(v, 'avg_price', num),
      fill_pct: num(v, 'fill_pct'),
      created_at: time(v, 'created_at'),
      submitted_at: orNull(v, 'submitted_at', time),
      first_fill_at: orNull(v, 'first_fill_at', time),
      completed_at: orNull(v, 'completed_at', time),
      last_update_at: time(v, 'last_update_at'),
      history: list(v, 'history', HISTORY_ENTRIES_MAX).map(historyEntry),
      fills: list(v, 'fills', MAX_FILLS_KEPT).map(fillEntry),
      rev: 0,
    };
    return { order };
  } catch (error) {
    if (error instanceof Bad) return { reason: error.reason };
    throw error;
  }
}

/** A /api/history reply body: unreadable rows are counted and left out, an unreadable page is an error. */
export function decodeHistoryPage(body: unknown): HistoryReply {
  if (!isRecord(body) || !Array.isArray(body.orders)) return { ok: false, error: 'the relay sent a history reply without an orders list' };
  if (body.orders.length > HISTORY_PAGE_MAX_ORDERS) {
    return { ok: false, error: `the relay sent ${body.orders.length} orders in one page, the limit is ${HISTORY_PAGE_MAX_ORDERS}` };
  }
  const cursor = body.next_cursor;
  if (cursor !== null && (typeof cursor !== 'string' || cursor === '' || textProblem(cursor, CURSOR_MAX_BYTES) !== undefined)) {
    return { ok: false, error: `next_cursor: not null or a string of at most ${CURSOR_MAX_BYTES} bytes` };
  }
  const orders: Order[] = [];
  let skipped = 0;
  let skipReason: string | null = null;
  body.orders.forEach((row: unknown, i) => {
    const read = readHistoryOrder(row);
    if ('order' in read) orders.push(read.order);
    else {
      skipped++;
      skipReason ??= `orders[${i}].${read.reason}`;
    }
  });
  return { ok: true, orders, nextCursor: cursor, skipped, skipReason };
}
