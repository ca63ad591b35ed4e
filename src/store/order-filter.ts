import type { OrderBook } from '../core/book';
import type { Order, Side } from '../core/order';
import type { Status } from '../core/status';
import { isActive } from '../core/status';
import type { StaleThresholds } from './stale-rules';
import { isStaleOrder } from './stale-rules';

export interface OrderFilter {
  /** Empty: every status. */
  readonly statuses: readonly Status[];
  readonly staleOnly: boolean;
  readonly side: Side | null;
  readonly engine: string | null;
  readonly route: string | null;
  /** Case-insensitive substring of client order id, exchange order id or symbol. */
  readonly search: string;
}

export const NO_FILTER: OrderFilter = { statuses: [], staleOnly: false, side: null, engine: null, route: null, search: '' };

export interface FilteredOrders {
  readonly orders: Order[];
  /** Stale flag (1) per order in `orders`, by index, computed once for the filter and the sort. */
  readonly stale: Uint8Array;
  readonly staleCount: number;
  /** Every engine and route in the book, for the filter selects (sorted). */
  readonly engines: string[];
  readonly routes: string[];
}

export function matchesSearch(order: Order, needle: string): boolean {
  if (needle === '') return true;
  return (
    order.client_order_id.toLowerCase().includes(needle) ||
    order.symbol.toLowerCase().includes(needle) ||
    (order.order_id !== null && order.order_id.toLowerCase().includes(needle))
  );
}

/**
 * One pass over the book: keeps the orders the filter lets through, flags the stale ones and
 * collects the engines and routes. O(n), no allocation per rejected order.
 */
export function filterBook(book: OrderBook, filter: OrderFilter, now: number, thresholds: StaleThresholds): FilteredOrders {
  const needle = filter.search.trim().toLowerCase();
  const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  const engines = new Set<string>();
  const routes = new Set<string>();
  const orders: Order[] = [];
  // Flags by position, not a Set of orders: on a busy book nearly every order is stale.
  let stale: Uint8Array = new Uint8Array(Math.min(book.orders.size, 1024));
  let staleCount = 0;
  let lastEngine: string | null = null;
  let lastRoute: string | null = null;
  for (const order of book.orders.values()) {
    // Neighbouring orders mostly share engine and route: skip the set lookups then.
    if (order.engine !== lastEngine) engines.add((lastEngine = order.engine));
    if (order.route !== lastRoute) routes.add((lastRoute = order.route));
    const isStale = isActive(order.status) && isStaleOrder(order, now, thresholds);
    if (isStale) staleCount++;
    if (statuses !== null && !statuses.has(order.status)) continue;
    if (filter.staleOnly && !isStale) continue;
    if (filter.side !== null && order.side !== filter.side) continue;
    if (filter.engine !== null && order.engine !== filter.engine) continue;
    if (filter.route !== null && order.route !== filter.route) continue;
    if (!matchesSearch(order, needle)) continue;
    if (orders.length === stale.length) stale = grow(stale, book.orders.size);
    if (isStale) stale[orders.length] = 1;
    orders.push(order);
  }
  return { orders, stale, staleCount, engines: [...engines].sort(), routes: [...routes].sort() };
}

function grow(flags: Uint8Array, max: number): Uint8Array {
  const next = new Uint8Array(Math.min(max, flags.length * 2));
  next.set(flags);
  return next;
}
