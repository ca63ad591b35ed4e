import type { Order } from '../core/order';

/**
 * One block of orders in the relay snapshot (v2, docs/protocol.md): one array per field instead
 * of one JSON object per order, so a 100k-order snapshot is a fraction of the text and decodes
 * without a JSON object per order.
 *
 * - Repeated strings (engine, symbol, side, route, status, history cause and reason) are indexes
 *   into the block's own string table `s`, so every block can be read on its own.
 * - Times are integer epoch ms: `c` is created_at − `t`; every other time of an order (its
 *   columns and its history and fill entries) is relative to its created_at. Wire times are
 *   integers from 1970 to year 9999, so every difference is exact.
 * - History and fills are flat: order i has `hn[i]` entries of HISTORY_WIDTH numbers in `h`
 *   (from, to, at, cause, reason or −1) and `fn[i]` entries of FILL_WIDTH in `f`
 *   (at, filled_size, filled_value, fees), in order.
 */
export interface OrderColumns {
  /** Orders in the block. */
  n: number;
  s: string[];
  t: number;
  id: string[];
  oid: (string | null)[];
  eng: number[];
  sym: number[];
  side: number[];
  route: number[];
  st: number[];
  size: number[];
  fsz: number[];
  fval: number[];
  fees: number[];
  avg: (number | null)[];
  pct: number[];
  c: number[];
  sub: (number | null)[];
  ff: (number | null)[];
  done: (number | null)[];
  last: number[];
  hn: number[];
  h: number[];
  fn: number[];
  f: number[];
}

export const HISTORY_WIDTH = 5;
export const FILL_WIDTH = 4;
export const SNAPSHOT_VERSION = 2;

/** The columns of `orders` (at most a block's worth; the caller cuts the book into blocks). */
export function ordersToColumns(orders: readonly Order[]): OrderColumns {
  const table = new Map<string, number>();
  const s: string[] = [];
  const intern = (value: string): number => {
    let index = table.get(value);
    if (index === undefined) {
      index = s.length;
      s.push(value);
      table.set(value, index);
    }
    return index;
  };
  const n = orders.length;
  const t = n === 0 ? 0 : orders[0]!.created_at;
  // Sized up front: a block is encoded in one go and its columns are never grown.
  const column = <T>(): T[] => new Array<T>(n);
  const cols: OrderColumns = {
    n,
    s,
    t,
    id: column(),
    oid: column(),
    eng: column(),
    sym: column(),
    side: column(),
    route: column(),
    st: column(),
    size: column(),
    fsz: column(),
    fval: column(),
    fees: column(),
    avg: column(),
    pct: column(),
    c: column(),
    sub: column(),
    ff: column(),
    done: column(),
    last: column(),
    hn: column(),
    h: [],
    fn: column(),
    f: [],
  };
  const { h, f } = cols;
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    const c0 = o.created_at;
    cols.id[i] = o.client_order_id;
    cols.oid[i] = o.order_id;
    cols.eng[i] = intern(o.engine);
    cols.sym[i] = intern(o.symbol);
    cols.side[i] = intern(o.side);
    cols.route[i] = intern(o.route);
    cols.st[i] = intern(o.status);
    cols.size[i] = o.size_usd;
    cols.fsz[i] = o.filled_size;
    cols.fval[i] = o.filled_value;
    cols.fees[i] = o.fees;
    cols.avg[i] = o.avg_price;
    cols.pct[i] = o.fill_pct;
    cols.c[i] = c0 - t;
    cols.sub[i] = o.submitted_at === null ? null : o.submitted_at - c0;
    cols.ff[i] = o.first_fill_at === null ? null : o.first_fill_at - c0;
    cols.done[i] = o.completed_at === null ? null : o.completed_at - c0;
    cols.last[i] = o.last_update_at - c0;
    cols.hn[i] = o.history.length;
    for (const e of o.history)
      h.push(intern(e.from), intern(e.to), e.at - c0, intern(e.cause), e.reason === undefined ? -1 : intern(e.reason));
    cols.fn[i] = o.fills.length;
    for (const e of o.fills) f.push(e.at - c0, e.filled_size, e.filled_value, e.fees);
  }
  return cols;
}

/**
 * About how many bytes an order takes in a block: what a saved pre-snapshot copy of it costs
 * the relay, counted against the client's snapshot allowance.
 */
export function approxOrderBytes(order: Order): number {
  return 160 + order.client_order_id.length + (order.order_id?.length ?? 0) + order.history.length * 24 + order.fills.length * 48;
}
