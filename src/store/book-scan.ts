import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { isActive } from '../core/status';
import type { OrderFilter } from './order-filter';
import { matchesSearch } from './order-filter';
import type { StaleThresholds } from './stale-rules';
import { isStaleOrder } from './stale-rules';

/**
 * One pass over the book, shared by every view that needs more than the book's counters: the
 * table's rows, the stale count in the title, header and tiles, and the stale panel. The groups
 * together are the default order (stale first, oldest first; then the other active orders,
 * oldest first; then finished ones, newest completion first), so a filter keeps that order
 * without sorting again.
 */
export interface BookScan {
  readonly book: OrderBook;
  /** Relay-clock epoch ms the stale flags hold for. */
  readonly now: number;
  readonly thresholds: StaleThresholds;
  /** Stale orders, oldest first; ties in arrival order. */
  readonly stale: readonly Order[];
  /** The other active orders, oldest first. */
  readonly active: readonly Order[];
  /** Finished orders, newest completion first. */
  readonly terminal: readonly Order[];
  /** Every engine and route in the book, sorted, for the filter selects. */
  readonly engines: readonly string[];
  readonly routes: readonly string[];
}

const byCreated = (a: Order, b: Order): number => a.created_at - b.created_at;
const endOf = (o: Order): number => o.completed_at ?? o.last_update_at;
const byEndDesc = (a: Order, b: Order): number => endOf(b) - endOf(a);

/**
 * The groups come out of the book almost always in order already: it iterates in arrival order
 * (≈ creation order) and its terminal log in completion order, read backwards. So each group is
 * checked while it is built and sorted (stable) only when an order arrived out of turn.
 */
export function scanBook(book: OrderBook, now: number, thresholds: StaleThresholds): BookScan {
  const stale: Order[] = [];
  const active: Order[] = [];
  let staleSorted = true;
  let activeSorted = true;
  let lastStale = -Infinity;
  let lastActive = -Infinity;
  let terminalCount = 0;
  const engines = new Set<string>();
  const routes = new Set<string>();
  let lastEngine: string | null = null;
  let lastRoute: string | null = null;
  for (const order of book.orders.values()) {
    // Neighbouring orders mostly share engine and route: skip the set lookups then.
    if (order.engine !== lastEngine) engines.add((lastEngine = order.engine));
    if (order.route !== lastRoute) routes.add((lastRoute = order.route));
    if (!isActive(order.status)) terminalCount++;
    else if (isStaleOrder(order, now, thresholds)) {
      if (order.created_at < lastStale) staleSorted = false;
      lastStale = order.created_at;
      stale.push(order);
    } else {
      if (order.created_at < lastActive) activeSorted = false;
      lastActive = order.created_at;
      active.push(order);
    }
  }
  if (!staleSorted) stale.sort(byCreated);
  if (!activeSorted) active.sort(byCreated);
  return { book, now, thresholds, stale, active, terminal: terminalOrders(book, terminalCount), engines: [...engines].sort(), routes: [...routes].sort() };
}

/** Newest completion first, from the terminal log; a full pass if the log and the book disagree. */
function terminalOrders(book: OrderBook, expected: number): Order[] {
  const log = book.terminalLog;
  const out: Order[] = [];
  let sorted = true;
  let last = Infinity;
  for (let i = log.length - 1; i >= 0; i--) {
    const order = log[i]!;
    // The core keeps the log and the book in step (cleanup trims both), so a status check
    // is enough here; the count below catches a log that ever disagreed.
    if (isActive(order.status)) continue;
    const end = endOf(order);
    if (end > last) sorted = false;
    last = end;
    out.push(order);
  }
  if (out.length !== expected) {
    out.length = 0;
    for (const order of book.orders.values()) if (!isActive(order.status)) out.push(order);
    sorted = false;
  }
  return sorted ? out : out.sort(byEndDesc);
}

function isNoFilter(filter: OrderFilter): boolean {
  return filter.statuses.length === 0 && !filter.staleOnly && filter.side === null && filter.engine === null && filter.route === null && filter.search.trim() === '';
}

/** The orders `filter` lets through, in the default order. */
export function filterScan(scan: BookScan, filter: OrderFilter): Order[] {
  const groups = filter.staleOnly ? [scan.stale] : [scan.stale, scan.active, scan.terminal];
  const out: Order[] = [];
  if (isNoFilter(filter)) {
    for (const group of groups) for (let i = 0; i < group.length; i++) out.push(group[i]!);
    return out;
  }
  const needle = filter.search.trim().toLowerCase();
  const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : null;
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      const order = group[i]!;
      if (statuses !== null && !statuses.has(order.status)) continue;
      if (filter.side !== null && order.side !== filter.side) continue;
      if (filter.engine !== null && order.engine !== filter.engine) continue;
      if (filter.route !== null && order.route !== filter.route) continue;
      if (!matchesSearch(order, needle)) continue;
      out.push(order);
    }
  }
  return out;
}
