import type { Cause, FillEntry, HistoryEntry, Order } from '../core/order';
import { isStatus } from '../core/status';
import type { OrderColumnName } from './snapshot-columns';
import { FILL_WIDTH, HISTORY_WIDTH, ORDER_COLUMN_KEYS } from './snapshot-columns';

type Rec = Record<string, unknown>;

const NAMES = Object.keys(ORDER_COLUMN_KEYS) as OrderColumnName[];

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isCause = (v: unknown): v is Cause => v === 'transition' || v === 'fill' || v === 'implicit';

type Column = readonly unknown[];

/**
 * A parsed block whose every column is an array of its length, each under its own name (not its
 * wire key); values are still unchecked. One per block, so naming costs nothing per order.
 */
type Block = { readonly n: number; readonly t: number; readonly s: Column; readonly h: Column; readonly f: Column } & {
  readonly [N in OrderColumnName]: Column;
};

/** The block by name when its columns all have the block's length and its flat arrays exactly the entries counted. */
function wellFormed(v: unknown): Block | null {
  if (typeof v !== 'object' || v === null) return null;
  const b = v as Rec;
  if (!count(b.n) || !finite(b.t) || !Array.isArray(b.s) || !Array.isArray(b.h) || !Array.isArray(b.f)) return null;
  const block: Record<string, unknown> = { n: b.n, t: b.t, s: b.s, h: b.h, f: b.f };
  for (const name of NAMES) {
    const col = b[ORDER_COLUMN_KEYS[name]];
    if (!Array.isArray(col) || col.length !== b.n) return null;
    block[name] = col;
  }
  const named = block as Block;
  let histories = 0;
  let fills = 0;
  for (let i = 0; i < named.n; i++) {
    const h = named.historyCount[i];
    const f = named.fillCount[i];
    if (!count(h) || !count(f)) return null;
    histories += h;
    fills += f;
  }
  return histories * HISTORY_WIDTH === named.h.length && fills * FILL_WIDTH === named.f.length ? named : null;
}

/** The string-table entry an index names; undefined for anything else. */
function text(s: Column, index: unknown): string | undefined {
  if (typeof index !== 'number') return undefined;
  const value = s[index];
  return typeof value === 'string' ? value : undefined;
}

/** A time relative to created_at: null stays null, a number is made absolute, anything else is undefined (unreadable). */
function timeOrNull(v: unknown, createdAt: number): number | null | undefined {
  if (v === null) return null;
  return finite(v) ? createdAt + v : undefined;
}

/**
 * Decodes one block (`OrderColumns`, parsed from its JSON line) into core Orders appended to
 * `out`; returns how many of its orders could not be read. A block that is not well formed is
 * skipped whole (its `n` when readable, else 1); inside a good block each bad order is skipped
 * on its own and the others keep their entries.
 */
export function ordersFromColumns(block: unknown, out: Order[]): number {
  const named = wellFormed(block);
  if (named === null) {
    const n = typeof block === 'object' && block !== null ? (block as Rec).n : undefined;
    return count(n) && n > 0 ? n : 1;
  }
  let skipped = 0;
  let hAt = 0;
  let fAt = 0;
  for (let k = 0; k < named.n; k++) {
    const order = readOrder(named, k, hAt, fAt);
    hAt += (named.historyCount[k] as number) * HISTORY_WIDTH;
    fAt += (named.fillCount[k] as number) * FILL_WIDTH;
    if (order === null) skipped++;
    else out.push(order);
  }
  return skipped;
}

/** Order k of a well-formed block, its history from `hAt` in `h` and fills from `fAt` in `f`; null when any field is unreadable. */
function readOrder(b: Block, k: number, hAt: number, fAt: number): Order | null {
  const clientId = b.clientOrderId[k];
  const orderId = b.orderId[k];
  const engine = text(b.s, b.engine[k]);
  const symbol = text(b.s, b.symbol[k]);
  const side = text(b.s, b.side[k]);
  const route = text(b.s, b.route[k]);
  const status = text(b.s, b.status[k]);
  if (typeof clientId !== 'string' || (orderId !== null && typeof orderId !== 'string')) return null;
  if (engine === undefined || symbol === undefined || route === undefined || (side !== 'buy' && side !== 'sell') || !isStatus(status))
    return null;
  const sizeUsd = b.sizeUsd[k];
  const filledSize = b.filledSize[k];
  const filledValue = b.filledValue[k];
  const fees = b.fees[k];
  const avgPrice = b.avgPrice[k];
  const fillPct = b.fillPct[k];
  const created = b.createdAfterT[k];
  const last = b.lastAfter[k];
  if (!finite(sizeUsd) || !finite(filledSize) || !finite(filledValue) || !finite(fees) || !finite(fillPct)) return null;
  if ((avgPrice !== null && !finite(avgPrice)) || !finite(created) || !finite(last)) return null;
  const createdAt = b.t + created;
  const submittedAt = timeOrNull(b.submittedAfter[k], createdAt);
  const firstFillAt = timeOrNull(b.firstFillAfter[k], createdAt);
  const completedAt = timeOrNull(b.completedAfter[k], createdAt);
  if (submittedAt === undefined || firstFillAt === undefined || completedAt === undefined) return null;
  const history = readHistory(b, createdAt, hAt, b.historyCount[k] as number);
  const fills = history === null ? null : readFills(b, createdAt, fAt, b.fillCount[k] as number);
  if (history === null || fills === null) return null;
  // The same field order as the core's own orders: one object shape for the views' hot loops.
  return {
    client_order_id: clientId,
    order_id: orderId,
    engine,
    symbol,
    side,
    size_usd: sizeUsd,
    route,
    status,
    filled_size: filledSize,
    filled_value: filledValue,
    fees,
    avg_price: avgPrice,
    fill_pct: fillPct,
    created_at: createdAt,
    submitted_at: submittedAt,
    first_fill_at: firstFillAt,
    completed_at: completedAt,
    last_update_at: createdAt + last,
    history,
    fills,
    rev: 0,
  };
}

function readHistory(b: Block, createdAt: number, from: number, n: number): HistoryEntry[] | null {
  const entries = new Array<HistoryEntry>(n);
  for (let e = 0, at = from; e < n; e++, at += HISTORY_WIDTH) {
    const was = text(b.s, b.h[at]);
    const to = text(b.s, b.h[at + 1]);
    const when = b.h[at + 2];
    const cause = text(b.s, b.h[at + 3]);
    const reasonAt = b.h[at + 4];
    if (!isStatus(was) || !isStatus(to) || !finite(when) || !isCause(cause)) return null;
    if (reasonAt === -1) {
      entries[e] = { from: was, to, at: createdAt + when, cause };
      continue;
    }
    const reason = text(b.s, reasonAt);
    if (reason === undefined) return null;
    entries[e] = { from: was, to, at: createdAt + when, cause, reason };
  }
  return entries;
}

function readFills(b: Block, createdAt: number, from: number, n: number): FillEntry[] | null {
  const entries = new Array<FillEntry>(n);
  for (let e = 0, at = from; e < n; e++, at += FILL_WIDTH) {
    const when = b.f[at];
    const filledSize = b.f[at + 1];
    const filledValue = b.f[at + 2];
    const fees = b.f[at + 3];
    if (!finite(when) || !finite(filledSize) || !finite(filledValue) || !finite(fees)) return null;
    entries[e] = { at: createdAt + when, filled_size: filledSize, filled_value: filledValue, fees };
  }
  return entries;
}
