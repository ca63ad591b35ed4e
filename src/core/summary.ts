import type { OrderBook } from './book';
import type { Status } from './status';
import { ACTIVE_STATUSES } from './status';

export interface Summary {
  total_orders: number;
  active_orders: number;
  terminal_orders: number;
  by_status: Record<Status, number>;
}

/** O(1): the book keeps its per-status counts current on every event. */
export function summarize(book: OrderBook): Summary {
  const by_status = { ...book.byStatus };
  let active = 0;
  for (const status of ACTIVE_STATUSES) active += by_status[status];
  const total = book.orders.size;
  return { total_orders: total, active_orders: active, terminal_orders: total - active, by_status };
}
