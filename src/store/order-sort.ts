import type { Order } from '../core/order';
import { STATUSES } from '../core/status';
import { isActive } from '../core/status';
import type { SortKey, SortSpec } from './order-sort-keys';

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

const byCreated = (a: Order, b: Order): number => a.created_at - b.created_at;
const endOf = (o: Order): number => o.completed_at ?? o.last_update_at;

/**
 * The operator's default order: stale orders first (oldest first), then the other active
 * ones (oldest first), then terminal ones (newest completion first). Ties keep the input order.
 *
 * Split into the three groups first. The active groups are sorted with the engine's stable,
 * run-adaptive sort: the book is in creation order, so they arrive nearly sorted and cost about
 * one comparison per order instead of a full 100k sort.
 * `stale[i]` flags `orders[i]`.
 */
export function sortDefault(orders: readonly Order[], stale: Uint8Array): Order[] {
  const staleOnes: Order[] = [];
  const active: Order[] = [];
  const terminal: Order[] = [];
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    if (stale[i] === 1) staleOnes.push(o);
    else if (isActive(o.status)) active.push(o);
    else terminal.push(o);
  }
  staleOnes.sort(byCreated);
  active.sort(byCreated);
  // Completion order is only loosely related to creation order: numeric keys, index sort.
  const ends = new Float64Array(terminal.length);
  for (let i = 0; i < terminal.length; i++) ends[i] = -endOf(terminal[i]!);
  const out = staleOnes;
  for (const o of active) out.push(o);
  for (const o of sortByKeys(terminal, ends)) out.push(o);
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

export function sortOrders(orders: readonly Order[], spec: SortSpec | null, stale: Uint8Array, now: number): Order[] {
  return spec === null ? sortDefault(orders, stale) : sortByColumn(orders, spec, now);
}
