import type { OrderBook } from './book';
import type { Order } from './order';

/**
 * Removes the oldest terminal orders (by completed_at, then id) beyond the newest `keepLastN`.
 * Active orders are never touched. Returns the ids removed.
 *
 * The book logs orders as they become terminal, so this costs O(terminal) and usually
 * sorts an already-sorted list; it never scans active orders.
 */
export function cleanup(book: OrderBook, keepLastN: number): string[] {
  const keep = Math.max(0, Math.floor(keepLastN));
  const log = book.terminalLog;
  if (log.length <= keep) return [];
  // Engines can report completions out of order; the log is sorted only then.
  if (!isSortedByCompletion(log)) log.sort(byCompletion);
  const removeCount = log.length - keep;
  const removed: string[] = [];
  for (let i = 0; i < removeCount; i++) {
    const order = log[i]!;
    book.orders.delete(order.client_order_id);
    book.byStatus[order.status]--;
    removed.push(order.client_order_id);
  }
  book.terminalLog = log.slice(removeCount);
  book.evicted += removeCount;
  return removed;
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
export function cleanupAfterEvent(book: OrderBook, keep: number): string[] {
  return book.terminalLog.length > keep + cleanupSlack(keep) ? cleanup(book, keep) : [];
}

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

function isSortedByCompletion(log: readonly Order[]): boolean {
  for (let i = 1; i < log.length; i++) if (byCompletion(log[i - 1]!, log[i]!) > 0) return false;
  return true;
}
