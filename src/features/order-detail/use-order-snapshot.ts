import { useRef, useSyncExternalStore } from 'react';
import type { Anomaly } from '../../core/anomaly';
import type { Order } from '../../core/order';
import { useDashboard } from '../../store/dashboard-context';

export interface OrderSnapshot {
  readonly order: Order | undefined;
  readonly rev: number;
  readonly anomalies: readonly Anomaly[];
}

const MAX_ORDER_ANOMALIES = 50;

/**
 * The selected order, re-rendering only when it changes (its `rev`), when the book is replaced,
 * or when a new anomaly is recorded (an anomaly can leave the order itself unchanged).
 */
export function useOrderSnapshot(id: string): OrderSnapshot {
  const dashboard = useDashboard();
  const cache = useRef<{ id: string; order: Order | undefined; rev: number; total: number; snap: OrderSnapshot } | null>(null);
  const read = (): OrderSnapshot => {
    const book = dashboard.book();
    const order = book.orders.get(id);
    const rev = order?.rev ?? -1;
    const c = cache.current;
    if (c !== null && c.id === id && c.order === order && c.rev === rev && c.total === book.anomalyTotal) return c.snap;
    const anomalies = book.anomalies
      .toArray()
      .filter((a) => a.client_order_id === id)
      .slice(-MAX_ORDER_ANOMALIES)
      .reverse();
    const snap = { order, rev, anomalies };
    cache.current = { id, order, rev, total: book.anomalyTotal, snap };
    return snap;
  };
  return useSyncExternalStore(dashboard.store.subscribe, read, read);
}
