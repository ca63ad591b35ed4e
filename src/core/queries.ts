import type { OrderBook } from './book';
import type { Order } from './order';
import type { Status } from './status';
import { isActive, isTerminal } from './status';

export function getOrder(book: OrderBook, clientOrderId: string): Order | undefined {
  return book.orders.get(clientOrderId);
}

function filterOrders(book: OrderBook, keep: (order: Order) => boolean): Order[] {
  const out: Order[] = [];
  for (const order of book.orders.values()) if (keep(order)) out.push(order);
  return out;
}

/** Orders still working: NEW, OPEN, PARTIAL_FILL. */
export function activeOrders(book: OrderBook): Order[] {
  return filterOrders(book, (o) => isActive(o.status));
}

export function terminalOrders(book: OrderBook): Order[] {
  return filterOrders(book, (o) => isTerminal(o.status));
}

export function ordersByStatus(book: OrderBook, status: Status): Order[] {
  return filterOrders(book, (o) => o.status === status);
}

/** Age in whole-or-fractional seconds against a supplied `now` (epoch ms). */
export function ageSeconds(order: Order, now: number): number {
  // Never negative: an engine clock a little ahead of this one must not show "-3 s".
  return Math.max(0, now - order.created_at) / 1000;
}

/** Active and older than the limit: the core's definition of stale, shared by every view. */
export function isStale(order: Order, now: number, maxAgeSeconds: number): boolean {
  return isActive(order.status) && ageSeconds(order, now) > maxAgeSeconds;
}

/**
 * Active orders whose age exceeds `maxAgeSeconds`, oldest first.
 * @example staleOrders(book, Date.parse('2026-11-24T12:00:00Z'), 300)
 */
export function staleOrders(book: OrderBook, now: number, maxAgeSeconds: number): Order[] {
  const stale = filterOrders(book, (o) => isStale(o, now, maxAgeSeconds));
  return stale.sort(byCreatedThenId);
}

function byCreatedThenId(a: Order, b: Order): number {
  return a.created_at - b.created_at || (a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0);
}
