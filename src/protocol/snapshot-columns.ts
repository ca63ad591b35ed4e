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
 *
 * The keys are short because they are the wire format (docs/protocol.md has the same table);
 * code that reads or writes a column names it through ORDER_COLUMN_KEYS instead.
 */
export interface OrderColumns {
  /** Orders in the block. */
  n: number;
  /** The block's string table: every string column holds indexes into it. */
  s: string[];
  /** Base time: the first order's created_at, epoch ms. */
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
  /** History entries of every order, HISTORY_WIDTH numbers each. */
  h: number[];
  fn: number[];
  /** Fill entries of every order, FILL_WIDTH numbers each. */
  f: number[];
}

/**
 * The wire key of each per-order column (one entry per order):
 *
 * | name           | key     | holds                                                   |
 * | -------------- | ------- | ------------------------------------------------------- |
 * | clientOrderId  | `id`    | client_order_id                                         |
 * | orderId        | `oid`   | order_id or null                                        |
 * | engine         | `eng`   | engine, an index into `s`                               |
 * | symbol         | `sym`   | symbol, an index into `s`                               |
 * | side           | `side`  | side, an index into `s`                                 |
 * | route          | `route` | route, an index into `s`                                |
 * | status         | `st`    | status, an index into `s`                               |
 * | sizeUsd        | `size`  | size_usd                                                |
 * | filledSize     | `fsz`   | filled_size                                             |
 * | filledValue    | `fval`  | filled_value                                            |
 * | fees           | `fees`  | fees                                                    |
 * | avgPrice       | `avg`   | avg_price or null                                       |
 * | fillPct        | `pct`   | fill_pct                                                |
 * | createdAfterT  | `c`     | created_at − `t`                                        |
 * | submittedAfter | `sub`   | submitted_at − created_at, or null                      |
 * | firstFillAfter | `ff`    | first_fill_at − created_at, or null                     |
 * | completedAfter | `done`  | completed_at − created_at, or null                      |
 * | lastAfter      | `last`  | last_update_at − created_at                             |
 * | historyCount   | `hn`    | how many history entries of `h` are this order's        |
 * | fillCount      | `fn`    | how many fill entries of `f` are this order's           |
 */
export const ORDER_COLUMN_KEYS = {
  clientOrderId: 'id',
  orderId: 'oid',
  engine: 'eng',
  symbol: 'sym',
  side: 'side',
  route: 'route',
  status: 'st',
  sizeUsd: 'size',
  filledSize: 'fsz',
  filledValue: 'fval',
  fees: 'fees',
  avgPrice: 'avg',
  fillPct: 'pct',
  createdAfterT: 'c',
  submittedAfter: 'sub',
  firstFillAfter: 'ff',
  completedAfter: 'done',
  lastAfter: 'last',
  historyCount: 'hn',
  fillCount: 'fn',
} as const satisfies Record<string, keyof OrderColumns>;

export type OrderColumnName = keyof typeof ORDER_COLUMN_KEYS;

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
  const clientOrderId = column<string>();
  const orderId = column<string | null>();
  const engine = column<number>();
  const symbol = column<number>();
  const side = column<number>();
  const route = column<number>();
  const status = column<number>();
  const sizeUsd = column<number>();
  const filledSize = column<number>();
  const filledValue = column<number>();
  const fees = column<number>();
  const avgPrice = column<number | null>();
  const fillPct = column<number>();
  const createdAfterT = column<number>();
  const submittedAfter = column<number | null>();
  const firstFillAfter = column<number | null>();
  const completedAfter = column<number | null>();
  const lastAfter = column<number>();
  const historyCount = column<number>();
  const fillCount = column<number>();
  const h: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    const c0 = o.created_at;
    clientOrderId[i] = o.client_order_id;
    orderId[i] = o.order_id;
    engine[i] = intern(o.engine);
    symbol[i] = intern(o.symbol);
    side[i] = intern(o.side);
    route[i] = intern(o.route);
    status[i] = intern(o.status);
    sizeUsd[i] = o.size_usd;
    filledSize[i] = o.filled_size;
    filledValue[i] = o.filled_value;
    fees[i] = o.fees;
    avgPrice[i] = o.avg_price;
    fillPct[i] = o.fill_pct;
    createdAfterT[i] = c0 - t;
    submittedAfter[i] = o.submitted_at === null ? null : o.submitted_at - c0;
    firstFillAfter[i] = o.first_fill_at === null ? null : o.first_fill_at - c0;
    completedAfter[i] = o.completed_at === null ? null : o.completed_at - c0;
    lastAfter[i] = o.last_update_at - c0;
    historyCount[i] = o.history.length;
    for (const e of o.history)
      h.push(intern(e.from), intern(e.to), e.at - c0, intern(e.cause), e.reason === undefined ? -1 : intern(e.reason));
    fillCount[i] = o.fills.length;
    for (const e of o.fills) f.push(e.at - c0, e.filled_size, e.filled_value, e.fees);
  }
  const K = ORDER_COLUMN_KEYS;
  // Written in the same key order as before: the JSON text of a block (and so its cache and its tests) is unchanged.
  return {
    n,
    s,
    t,
    [K.clientOrderId]: clientOrderId,
    [K.orderId]: orderId,
    [K.engine]: engine,
    [K.symbol]: symbol,
    [K.side]: side,
    [K.route]: route,
    [K.status]: status,
    [K.sizeUsd]: sizeUsd,
    [K.filledSize]: filledSize,
    [K.filledValue]: filledValue,
    [K.fees]: fees,
    [K.avgPrice]: avgPrice,
    [K.fillPct]: fillPct,
    [K.createdAfterT]: createdAfterT,
    [K.submittedAfter]: submittedAfter,
    [K.firstFillAfter]: firstFillAfter,
    [K.completedAfter]: completedAfter,
    [K.lastAfter]: lastAfter,
    [K.historyCount]: historyCount,
    h,
    [K.fillCount]: fillCount,
    f,
  };
}

/**
 * About how many bytes an order takes in a block: what a saved pre-snapshot copy of it costs
 * the relay, counted against the client's snapshot allowance.
 */
export function approxOrderBytes(order: Order): number {
  return 160 + order.client_order_id.length + (order.order_id?.length ?? 0) + order.history.length * 24 + order.fills.length * 48;
}
