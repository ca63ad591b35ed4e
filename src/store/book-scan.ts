import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { isActive } from '../core/status';
import type { OrderFilter } from './order-filter';
import { matchesSearch } from './order-filter';
import type { StaleThresholds } from '../core/stale-rules';
import { isStaleOrder } from '../core/stale-rules';

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
  /** Every engine, route and symbol in the book, sorted, for the filter selects. */
  readonly engines: readonly string[];
  readonly routes: readonly string[];
  readonly symbols: readonly string[];
}

const byCreated = (a: Order, b: Order): number => a.created_at - b.created_at;
const endOf = (o: Order): number => o.completed_at ?? o.last_update_at;
const byEndDesc = (a: Order, b: Order): number => endOf(b) - endOf(a);

/**
 * A scan done in slices, so a big book never holds the main thread for the whole pass: `step`
 * goes on until `outOfTime()` says stop, and the page lets a frame through between slices. The
 * book's iterator is live, so orders added meanwhile are still visited; an order that finished
 * after it was put in an active group is dropped from it at the end (it is in the terminal log).
 *
 * The groups come out of the book almost always in order already: it iterates in arrival order
 * (≈ creation order) and its terminal log in completion order, read backwards. So each group is
 * checked while it is built and sorted (stable) only when an order arrived out of turn.
 */
export class ScanJob {
  private readonly iterator: Iterator<Order>;
  private readonly stale: Order[] = [];
  private readonly active: Order[] = [];
  private staleSorted = true;
  private activeSorted = true;
  private lastStale = -Infinity;
  private lastActive = -Infinity;
  private readonly engines = new Set<string>();
  private readonly routes = new Set<string>();
  private readonly symbols = new Set<string>();
  private lastEngine: string | null = null;
  private lastRoute: string | null = null;
  private lastSymbol: string | null = null;
  private done = false;

  constructor(
    readonly book: OrderBook,
    readonly now: number,
    readonly thresholds: StaleThresholds,
  ) {
    this.iterator = book.orders.values();
  }

  /** Scans on until the book is done (true) or `outOfTime` (checked every 1,024 orders) says stop. */
  step(outOfTime: () => boolean = () => false): boolean {
    const { now, thresholds, stale, active, engines, routes, symbols } = this;
    for (let n = 1; !this.done; n++) {
      if ((n & 1023) === 0 && outOfTime()) return false;
      const next = this.iterator.next();
      if (next.done === true) {
        this.done = true;
        break;
      }
      const order = next.value;
      // Neighbouring orders mostly share engine, route and symbol: skip the set lookups then.
      if (order.engine !== this.lastEngine) engines.add((this.lastEngine = order.engine));
      if (order.route !== this.lastRoute) routes.add((this.lastRoute = order.route));
      if (order.symbol !== this.lastSymbol) symbols.add((this.lastSymbol = order.symbol));
      if (!isActive(order.status)) continue;
      if (isStaleOrder(order, now, thresholds)) {
        if (order.created_at < this.lastStale) this.staleSorted = false;
        this.lastStale = order.created_at;
        stale.push(order);
      } else {
        if (order.created_at < this.lastActive) this.activeSorted = false;
        this.lastActive = order.created_at;
        active.push(order);
      }
    }
    return true;
  }

  /** The scan, once `step` has returned true. */
  finish(): BookScan {
    if (!this.done) throw new Error('ScanJob.finish before the scan is done');
    // Orders that finished while the scan was under way leave the active groups: the book's
    // counters tell whether any did, which spares the extra pass over them almost always.
    const { byStatus } = this.book;
    const activeNow = byStatus.NEW + byStatus.OPEN + byStatus.PARTIAL_FILL;
    const anyFinished = this.stale.length + this.active.length !== activeNow;
    const stale = anyFinished ? stillActive(this.stale) : this.stale;
    const active = anyFinished ? stillActive(this.active) : this.active;
    if (!this.staleSorted) stale.sort(byCreated);
    if (!this.activeSorted) active.sort(byCreated);
    const terminal = terminalOrders(this.book, this.book.orders.size - stale.length - active.length);
    return {
      book: this.book,
      now: this.now,
      thresholds: this.thresholds,
      stale,
      active,
      terminal,
      engines: [...this.engines].sort(),
      routes: [...this.routes].sort(),
      symbols: [...this.symbols].sort(),
    };
  }
}

/** Drops orders that finished since they were scanned (in place; almost always none). */
function stillActive(group: Order[]): Order[] {
  let kept = 0;
  for (let i = 0; i < group.length; i++) {
    const order = group[i]!;
    if (isActive(order.status)) group[kept++] = order;
  }
  group.length = kept;
  return group;
}

/** The whole scan at once. */
export function scanBook(book: OrderBook, now: number, thresholds: StaleThresholds): BookScan {
  const job = new ScanJob(book, now, thresholds);
  job.step();
  return job.finish();
}

/** Newest completion first, from the terminal log; a full pass if the log and the book disagree. */
function terminalOrders(book: OrderBook, expected: number): Order[] {
  const log = book.terminalLog;
  // Sized once: tens of thousands of pushes would grow (copy) the array again and again.
  const out: Order[] = new Array<Order>(log.length);
  let n = 0;
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
    out[n++] = order;
  }
  out.length = n;
  if (out.length !== expected) {
    out.length = 0;
    for (const order of book.orders.values()) if (!isActive(order.status)) out.push(order);
    sorted = false;
  }
  return sorted ? out : out.sort(byEndDesc);
}

function isNoFilter(filter: OrderFilter): boolean {
  return (
    filter.statuses.length === 0 &&
    !filter.staleOnly &&
    filter.side === null &&
    filter.engine === null &&
    filter.route === null &&
    filter.symbol === null &&
    filter.search.trim() === ''
  );
}

/** The orders `filter` lets through, in the default order. */
export function filterScan(scan: BookScan, filter: OrderFilter): Order[] {
  const groups = filter.staleOnly ? [scan.stale] : [scan.stale, scan.active, scan.terminal];
  const out: Order[] = [];
  if (isNoFilter(filter)) {
    let total = 0;
    for (const group of groups) total += group.length;
    const all = new Array<Order>(total);
    let n = 0;
    for (const group of groups) for (let i = 0; i < group.length; i++) all[n++] = group[i]!;
    return all;
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
      if (filter.symbol !== null && order.symbol !== filter.symbol) continue;
      if (!matchesSearch(order, needle)) continue;
      out.push(order);
    }
  }
  return out;
}
