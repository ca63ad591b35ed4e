import { useMemo } from 'react';
import type { Order } from '../core/order';
import { filterScan } from './book-scan';
import type { OrderFilter } from './order-filter';
import { useBookScan } from './use-book-scan';
import { useViewParams } from './use-view-params';

/** The URL's filters as one object, the same while they are unchanged. */
export function useOrderFilter(): OrderFilter {
  const [{ statuses, staleOnly, side, engine, route, symbol, search }] = useViewParams();
  return useMemo(
    () => ({ statuses, staleOnly, side, engine, route, symbol, search }),
    [statuses, staleOnly, side, engine, route, symbol, search],
  );
}

/** The orders the filters let through, in the default order: for views that do not sort. */
export function useFilteredOrders(): Order[] {
  const scan = useBookScan();
  const filter = useOrderFilter();
  return useMemo(() => filterScan(scan, filter), [scan, filter]);
}
