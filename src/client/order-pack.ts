import type { Cause, FillEntry, HistoryEntry, Order, Side } from '../core/order';
import type { Status } from '../core/status';
import { stringTable } from '../protocol/snapshot-columns';

/**
 * Decoded orders packed into a few flat arrays, so a worker can hand a snapshot block to the
 * page by transferring buffers: a structured clone of 1,000 order objects costs the receiving
 * thread more than decoding their JSON did, while rebuilding them from numbers is a plain loop.
 *
 * Only orders that were already decoded and checked are packed; `unpackOrders` trusts its input.
 * Nulls travel as NaN (every packed number is finite otherwise).
 */
export interface PackedOrders {
  readonly n: number;
  /** Repeated strings (engine, symbol, side, route, status, cause, reason); `codes` and `hist` index into it. */
  readonly strings: string[];
  readonly ids: string[];
  readonly orderIds: (string | null)[];
  /** CODE_WIDTH per order: engine, symbol, side, route, status. */
  readonly codes: Uint32Array;
  /** NUM_WIDTH per order, see `unpackOrders` for the order of fields. */
  readonly nums: Float64Array;
  /** HIST_WIDTH per history entry: from, to, at, cause, reason (−1 when none). */
  readonly hist: Float64Array;
  /** FILL_WIDTH per fill: at, filled_size, filled_value, fees. */
  readonly fills: Float64Array;
}

const CODE_WIDTH = 5;
const NUM_WIDTH = 13;
const HIST_WIDTH = 5;
const FILL_WIDTH = 4;

// Shared by every order without history or fills, as the core's new orders share theirs: the
// arrays are replaced on change, never mutated, and a snapshot holds tens of thousands of them.
const NO_HISTORY: readonly HistoryEntry[] = Object.freeze([]);
const NO_FILLS: readonly FillEntry[] = Object.freeze([]);

const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

export function packOrders(orders: readonly Order[]): PackedOrders {
  const strings: string[] = [];
  const code = stringTable(strings);
  const n = orders.length;
  let histories = 0;
  let fillCount = 0;
  for (const o of orders) {
    histories += o.history.length;
    fillCount += o.fills.length;
  }
  const ids = new Array<string>(n);
  const orderIds = new Array<string | null>(n);
  const codes = new Uint32Array(n * CODE_WIDTH);
  const nums = new Float64Array(n * NUM_WIDTH);
  const hist = new Float64Array(histories * HIST_WIDTH);
  const fills = new Float64Array(fillCount * FILL_WIDTH);
  let h = 0;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    ids[i] = o.client_order_id;
    orderIds[i] = o.order_id;
    const c = i * CODE_WIDTH;
    codes[c] = code(o.engine);
    codes[c + 1] = code(o.symbol);
    codes[c + 2] = code(o.side);
    codes[c + 3] = code(o.route);
    codes[c + 4] = code(o.status);
    const m = i * NUM_WIDTH;
    nums[m] = o.size_usd;
    nums[m + 1] = o.filled_size;
    nums[m + 2] = o.filled_value;
    nums[m + 3] = o.fees;
    nums[m + 4] = orNaN(o.avg_price);
    nums[m + 5] = o.fill_pct;
    nums[m + 6] = o.created_at;
    nums[m + 7] = orNaN(o.submitted_at);
    nums[m + 8] = orNaN(o.first_fill_at);
    nums[m + 9] = orNaN(o.completed_at);
    nums[m + 10] = o.last_update_at;
    nums[m + 11] = o.history.length;
    nums[m + 12] = o.fills.length;
    for (const e of o.history) {
      hist[h++] = code(e.from);
      hist[h++] = code(e.to);
      hist[h++] = e.at;
      hist[h++] = code(e.cause);
      hist[h++] = e.reason === undefined ? -1 : code(e.reason);
    }
    for (const e of o.fills) {
      fills[f++] = e.at;
      fills[f++] = e.filled_size;
      fills[f++] = e.filled_value;
      fills[f++] = e.fees;
    }
  }
  return { n, strings, ids, orderIds, codes, nums, hist, fills };
}

/** The buffers to transfer with a packed block. */
export function packedBuffers(p: PackedOrders): ArrayBuffer[] {
  return [p.codes.buffer, p.nums.buffer, p.hist.buffer, p.fills.buffer] as ArrayBuffer[];
}

function historyAt(p: PackedOrders, from: number, n: number): readonly HistoryEntry[] {
  if (n === 0) return NO_HISTORY;
  const { strings: s, hist } = p;
  const entries = new Array<HistoryEntry>(n);
  for (let e = 0, h = from; e < n; e++, h += HIST_WIDTH) {
    const reason = hist[h + 4]!;
    const was = s[hist[h]!] as Status;
    const to = s[hist[h + 1]!] as Status;
    const cause = s[hist[h + 3]!] as Cause;
    entries[e] = reason === -1 ? { from: was, to, at: hist[h + 2]!, cause } : { from: was, to, at: hist[h + 2]!, cause, reason: s[reason]! };
  }
  return entries;
}

function fillsAt(p: PackedOrders, from: number, n: number): readonly FillEntry[] {
  if (n === 0) return NO_FILLS;
  const { fills } = p;
  const entries = new Array<FillEntry>(n);
  for (let e = 0, f = from; e < n; e++, f += FILL_WIDTH) entries[e] = { at: fills[f]!, filled_size: fills[f + 1]!, filled_value: fills[f + 2]!, fees: fills[f + 3]! };
  return entries;
}

/** The orders `packOrders` packed, appended to `out` (rev 0, as any snapshot order). */
export function unpackOrders(p: PackedOrders, out: Order[]): void {
  const { strings: s, ids, orderIds, codes, nums } = p;
  let h = 0;
  let f = 0;
  for (let i = 0; i < p.n; i++) {
    const c = i * CODE_WIDTH;
    const m = i * NUM_WIDTH;
    const hn = nums[m + 11]!;
    const fn = nums[m + 12]!;
    const history = historyAt(p, h, hn);
    const fills = fillsAt(p, f, fn);
    h += hn * HIST_WIDTH;
    f += fn * FILL_WIDTH;
    // The same field order as the core's own orders: one object shape for the views' hot loops.
    out.push({
      client_order_id: ids[i]!,
      order_id: orderIds[i]!,
      engine: s[codes[c]!]!,
      symbol: s[codes[c + 1]!]!,
      side: s[codes[c + 2]!] as Side,
      size_usd: nums[m]!,
      route: s[codes[c + 3]!]!,
      status: s[codes[c + 4]!] as Status,
      filled_size: nums[m + 1]!,
      filled_value: nums[m + 2]!,
      fees: nums[m + 3]!,
      avg_price: orNull(nums[m + 4]!),
      fill_pct: nums[m + 5]!,
      created_at: nums[m + 6]!,
      submitted_at: orNull(nums[m + 7]!),
      first_fill_at: orNull(nums[m + 8]!),
      completed_at: orNull(nums[m + 9]!),
      last_update_at: nums[m + 10]!,
      history,
      fills,
      rev: 0,
    });
  }
}
