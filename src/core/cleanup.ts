import type { OrderBook } from './book';
import type { Order } from './order';

/**
 * Removes the oldest terminal orders (by completed_at) beyond the newest `keepLastN`.
 * Active orders are never touched. Returns the ids removed.
 *
 * The book logs orders as they become terminal, so this costs O(terminal) and usually
 * sorts an already-sorted list; it never scans active orders.
 */
export function cleanup(book: OrderBook, keepLastN: number): string[] {
  const keep = Math.max(0, Math.floor(keepLastN));
  const log = book.terminalLog;
  if (log.length <= keep) return [];
  // Engines can report completions out of order; sort by completed_at, stable on arrival.
  if (!isSortedByCompletion(log)) log.sort(byCompletedAt);
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

function byCompletedAt(a: Order, b: Order): number {
  return (a.completed_at ?? 0) - (b.completed_at ?? 0);
}

function isSortedByCompletion(log: readonly Order[]): boolean {
  for (let i = 1; i < log.length; i++) if (byCompletedAt(log[i - 1]!, log[i]!) > 0) return false;
  return true;
}
