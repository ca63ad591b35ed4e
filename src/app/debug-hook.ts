import type { Feed, FeedCounters } from '../client/feed-client';
import type { OrderJson } from '../protocol/order-json';
import { orderToJson } from '../protocol/order-json';
import type { Summary } from '../core/summary';
import { summarize } from '../core/summary';
import type { Dashboard, FeedStatus } from '../store/dashboard-store';

/** What tests, the benchmark and the soak read from a running page; nothing here can change it. */
export interface OrderwatchDebug {
  readonly status: () => FeedStatus;
  readonly rseq: () => number;
  readonly summary: () => Summary;
  /** Every order as the relay's /api/orders prints it, sorted by client id. */
  readonly orders: () => OrderJson[];
  readonly counters: () => Readonly<FeedCounters>;
}

declare global {
  interface Window {
    __orderwatch?: OrderwatchDebug;
  }
}

/** Read-only window.__orderwatch: the page's state compared with the relay's from outside. */
export function installDebugHook(dashboard: Dashboard, feed: Feed): void {
  window.__orderwatch = Object.freeze({
    status: () => dashboard.store.getState().feed.status,
    rseq: () => dashboard.store.getState().feed.rseq,
    summary: () => summarize(dashboard.book()),
    orders: () =>
      [...dashboard.book().orders.values()]
        .map(orderToJson)
        .sort((a, b) => (a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0)),
    counters: () => ({ ...feed.counters() }),
  });
}
