import type { OrderBook } from '../core/book';
import type { OrderEvent } from '../core/events';

/** The bounds on what the book may grow by (issue 13): counts, since each entry's size is bounded at the wire. */
export interface BookLimits {
  /** Engines in `book.engines` (every engine that speaks gets one entry, forever). */
  readonly maxEngines: number;
  /** Orders in an active status (NEW, OPEN, PARTIAL_FILL); finished ones are bounded by cleanup. */
  readonly maxActiveOrders: number;
}

export type LimitName = 'max_engines' | 'max_active_orders';

export interface Refusal {
  readonly limit: LimitName;
  readonly error: string;
}

/**
 * Events accepted but not yet in the book: in `--store` mode a batch is appended to Redis and
 * applied only when read back, so its own new engines and orders count before they land.
 */
export interface PendingGrowth {
  readonly engines: Set<string>;
  readonly orders: Set<string>;
}

export function noPendingGrowth(): PendingGrowth {
  return { engines: new Set(), orders: new Set() };
}

export function activeOrders(book: OrderBook): number {
  return book.byStatus.NEW + book.byStatus.OPEN + book.byStatus.PARTIAL_FILL;
}

/**
 * Why `event` may not enter `book`, or undefined when it may. Checked before the event is
 * applied or logged, so dashboards and peers never see it. Duplicates pass (dedup counts them),
 * as do events that grow nothing: a known engine, an order that already exists.
 */
export function refusal(book: OrderBook, event: OrderEvent, limits: BookLimits, pending?: PendingGrowth): Refusal | undefined {
  const seq = event.seq;
  const last = book.lastSeq.get(event.engine);
  if (seq !== undefined && last !== undefined && seq <= last) return undefined;
  // Every engine that speaks gets an entry in `book.engines` (with a seq or not), so that is what is bounded.
  const newEngine = !book.engines.has(event.engine) && !(pending?.engines.has(event.engine) ?? false);
  if (newEngine && book.engines.size + (pending?.engines.size ?? 0) >= limits.maxEngines) {
    return {
      limit: 'max_engines',
      error: `engine limit reached: ${limits.maxEngines} distinct engines are tracked (--max-engines); events from a new engine are refused`,
    };
  }
  const id = event.type === 'order_created' ? event.client_order_id : '';
  const newOrder = event.type === 'order_created' && !book.orders.has(id) && !(pending?.orders.has(id) ?? false);
  if (newOrder && activeOrders(book) + (pending?.orders.size ?? 0) >= limits.maxActiveOrders) {
    return {
      limit: 'max_active_orders',
      error: `active order limit reached: ${limits.maxActiveOrders} active orders (--max-active-orders); order_created refused`,
    };
  }
  if (newEngine) pending?.engines.add(event.engine);
  if (newOrder) pending?.orders.add(id);
  return undefined;
}
