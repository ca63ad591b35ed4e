import { useMemo } from 'react';
import type { Order } from '../core/order';
import { filterScan } from './book-scan';
import type { OrderFilter } from './order-filter';
import type { SortSpecs } from './order-sort-keys';
import { sortByColumns } from './order-sort';
import { useBookScan } from './use-book-scan';

export interface OrderRows {
  /** Filtered and sorted; a new array only when re-derived, so the table's row model is rebuilt rarely. */
  readonly orders: Order[];
  readonly staleCount: number;
  readonly engines: readonly string[];
  readonly routes: readonly string[];
  readonly symbols: readonly string[];
}

/**
 * The table's rows from the page's shared scan: in the default order (stale first) they need no
 * sort at all, a column sort sorts the filtered rows. Row order moves when the scan does (at
 * most twice a second while events stream); cells keep updating every frame on their own by
 * reading the (mutated in place) orders.
 */
export function useOrderRows(filter: OrderFilter, sort: SortSpecs): OrderRows {
  const scan = useBookScan();
  return useMemo(() => {
    const filtered = filterScan(scan, filter);
    return {
      orders: sort.length === 0 ? filtered : sortByColumns(filtered, sort, scan.now),
      staleCount: scan.stale.length,
      engines: scan.engines,
      routes: scan.routes,
      symbols: scan.symbols,
    };
  }, [scan, filter, sort]);
}
