import type { OrderBook } from './book';
import type { Order } from './order';

/**
 * Removes the oldest terminal orders (by completed_at, then id) beyond the newest `keepLastN`.
 * Active orders are never touched. Returns the ids removed.
 *
 * The book logs orders as they become terminal and cleanup leaves the log sorted, so this sorts
 * only the completions since the last cleanup and looks at the rest only where they overlap
 * in time; it never scans active orders.
 */
export function cleanup(book: OrderBook, keepLastN: number): string[] {
  const keep = Math.max(0, Math.floor(keepLastN));
  if (book.terminalLog.length <= keep) return [];
  sortTerminalLog(book);
  const log = book.terminalLog;
  const removeCount = log.length - keep;
  const removed: string[] = [];
  for (let i = 0; i < removeCount; i++) {
    const order = log[i]!;
    book.orders.delete(order.client_order_id);
    book.byStatus[order.status]--;
    removed.push(order.client_order_id);
  }
  book.terminalLog = log.slice(removeCount);
  book.terminalSorted = book.terminalLog.length;
  book.evicted += removeCount;
  return removed;
}

/**
 * Puts the terminal log in completion order. Its sorted start stays as it is: only the orders
 * added since are sorted, then merged in from where the first of them belongs, which is usually
 * the end (completions arrive in about the right order). Each comparison reads two orders from
 * all over the heap, and a cleanup that compared the whole log every time was a tenth of a
 * cluster relay's work.
 */
function sortTerminalLog(book: OrderBook): void {
  const log = book.terminalLog;
  const sorted = Math.min(book.terminalSorted, log.length);
  if (sorted === log.length) return;
  const added = log.slice(sorted);
  // Array.prototype.sort (TimSort) is linear on what is already in order: no check first.
  added.sort(byCompletion);
  const from = sorted > 0 && byCompletion(log[sorted - 1]!, added[0]!) > 0 ? firstAfter(log, sorted, added[0]!) : sorted;
  const overlap = log.slice(from, sorted);
  let i = 0;
  let j = 0;
  let w = from;
  while (i < overlap.length && j < added.length) log[w++] = byCompletion(overlap[i]!, added[j]!) <= 0 ? overlap[i++]! : added[j++]!;
  while (i < overlap.length) log[w++] = overlap[i++]!;
  while (j < added.length) log[w++] = added[j++]!;
  book.terminalSorted = log.length;
}

/** The first index below `end` whose order completes after `order` (binary search of the sorted `log[0, end)`). */
function firstAfter(log: readonly Order[], end: number, order: Order): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byCompletion(log[mid]!, order) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finished orders a book may hold beyond the policy before cleanup runs, so its cost (a sort and
 * a pass over the terminal log) is paid once per thousands of completions.
 */
function cleanupSlack(keep: number): number {
  return Math.max(1_000, Math.floor(keep / 10));
}

/**
 * The cleanup policy, as every holder of a book applies it after each event: relays, dashboards
 * and the replay CLI. Once the book holds more than `keep` + slack finished orders, it goes down
 * to the newest `keep`. Decided by the events alone, never by a clock, so every copy of a stream
 * (relays on one Redis, their dashboards, a relay restarted from a snapshot) cleans up at the same
 * event and holds the same orders. Returns the ids removed.
 */
export function cleanupAfterEvent(book: OrderBook, keep: number): readonly string[] {
  return book.terminalLog.length > keep + cleanupSlack(keep) ? cleanup(book, keep) : NONE_REMOVED;
}

/** What nearly every call returns: one shared array rather than a new one per event. */
const NONE_REMOVED: readonly string[] = Object.freeze([]);

/**
 * The order in which terminal orders go: by completed_at, then by id. A total order, so a book
 * restored from a snapshot (which no longer knows in what order completions arrived) removes
 * exactly the orders the live book removes, even where completions share a timestamp.
 */
export function byCompletion(a: Order, b: Order): number {
  const d = (a.completed_at ?? 0) - (b.completed_at ?? 0);
  if (d !== 0) return d;
  return a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0;
}
