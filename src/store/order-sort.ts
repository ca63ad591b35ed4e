import type { Order } from '../core/order';
import { STATUSES } from '../core/status';
import { isActive } from '../core/status';
import type { SortKey, SortSpec, SortSpecs } from './order-sort-keys';

const STATUS_RANK: Record<string, number> = Object.fromEntries(STATUSES.map((s, i) => [s, i]));

/** Seconds an order has lived: until now while active, until completion once terminal. */
export function orderAgeSec(order: Order, now: number): number {
  const end = isActive(order.status) ? now : (order.completed_at ?? order.last_update_at);
  return (end - order.created_at) / 1000;
}

type KeyFn = (order: Order, now: number) => number | string;

const KEYS: Record<SortKey, KeyFn> = {
  age: orderAgeSec,
  status: (o) => STATUS_RANK[o.status] ?? 0,
  symbol: (o) => o.symbol,
  side: (o) => o.side,
  size_usd: (o) => o.size_usd,
  fill_pct: (o) => o.fill_pct,
  filled_value: (o) => o.filled_value,
  avg_price: (o) => o.avg_price ?? -Infinity,
  fees: (o) => o.fees,
  client_order_id: (o) => o.client_order_id,
  order_id: (o) => o.order_id ?? '',
  engine: (o) => o.engine,
  route: (o) => o.route,
  last_update_at: (o) => o.last_update_at,
};

/**
 * Sorts by precomputed numeric keys through an index array: no objects per row and a
 * numeric comparator, which keeps a 100k-row re-sort cheap enough to run a few times a
 * second. Ties keep the input order (the book's insertion order), so rows never shuffle.
 */
function sortByKeys(orders: readonly Order[], keys: Float64Array): Order[] {
  const index = new Uint32Array(orders.length);
  for (let i = 0; i < index.length; i++) index[i] = i;
  index.sort((a, b) => keys[a]! - keys[b]! || a - b);
  const out = new Array<Order>(orders.length);
  for (let i = 0; i < index.length; i++) out[i] = orders[index[i]!]!;
  return out;
}

/** Sorts by one column. Text columns are ranked first (few distinct values sort fast). */
export function sortByColumn(orders: readonly Order[], spec: SortSpec, now: number): Order[] {
  const keyFn = KEYS[spec.key];
  const sign = spec.desc ? -1 : 1;
  const keys = new Float64Array(orders.length);
  const first = orders[0];
  if (first !== undefined && typeof keyFn(first, now) === 'string') {
    const values = orders.map((o) => keyFn(o, now) as string);
    const distinct = [...new Set(values)].sort();
    const rank = new Map(distinct.map((v, i) => [v, i]));
    for (let i = 0; i < values.length; i++) keys[i] = sign * rank.get(values[i]!)!;
  } else {
    for (let i = 0; i < orders.length; i++) keys[i] = sign * (keyFn(orders[i]!, now) as number);
  }
  return sortByKeys(orders, keys);
}

/**
 * Sorts by several columns, the first most significant: one stable sort per column, least
 * significant first, so each keeps the order of the ones after it among its ties.
 */
export function sortByColumns(orders: readonly Order[], specs: SortSpecs, now: number): Order[] {
  let out = orders as Order[];
  for (let i = specs.length - 1; i >= 0; i--) out = sortByColumn(out, specs[i]!, now);
  return out === orders ? [...orders] : out;
}
