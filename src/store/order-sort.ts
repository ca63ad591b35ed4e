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

function compareIds(a: Order, b: Order): number {
  return a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0;
}

/**
 * The operator's default order: stale orders first (oldest first), then the other active
 * ones (oldest first), then terminal ones (newest completion first). Ties by client id, so
 * the order is total and rows do not shuffle between re-sorts.
 */
export function sortDefault(orders: Order[], stale: ReadonlySet<Order>): Order[] {
  // Decorate once: a rank and a numeric key per order, instead of recomputing in the comparator.
  const decorated = orders.map((order) => {
    const rank = stale.has(order) ? 0 : isActive(order.status) ? 1 : 2;
    const key = rank < 2 ? order.created_at : -(order.completed_at ?? order.last_update_at);
    return { order, rank, key };
  });
  decorated.sort((a, b) => a.rank - b.rank || a.key - b.key || compareIds(a.order, b.order));
  return decorated.map((d) => d.order);
}

/** Sorts by one column; ties by client id. Does not modify `orders`. */
export function sortByColumn(orders: Order[], spec: SortSpec, now: number): Order[] {
  const keyFn = KEYS[spec.key];
  const dir = spec.desc ? -1 : 1;
  const decorated = orders.map((order) => ({ order, key: keyFn(order, now) }));
  decorated.sort((a, b) => {
    const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return c * dir || compareIds(a.order, b.order);
  });
  return decorated.map((d) => d.order);
}

export function sortOrders(orders: Order[], spec: SortSpec | null, stale: ReadonlySet<Order>, now: number): Order[] {
  return spec === null ? sortDefault(orders, stale) : sortByColumn(orders, spec, now);
}
