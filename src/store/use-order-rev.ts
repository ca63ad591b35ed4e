import { useSyncExternalStore } from 'react';
import type { Order } from '../core/order';
import { useDashboard } from './dashboard-context';

/**
 * An order's revision, re-rendering the caller when it moves. The store notifies once per
 * committed frame; each subscriber compares one number, so a view of 50 rows costs 50
 * comparisons per frame and re-renders only the rows whose order changed.
 */
export function useOrderRev(order: Order): number {
  const { store } = useDashboard();
  return useSyncExternalStore(
    store.subscribe,
    () => order.rev,
    () => order.rev,
  );
}
