import { useEffect, useMemo, useRef, useState } from 'react';
import type { Order } from '../core/order';
import { useBookVersion, useDashboard } from './dashboard-context';
import type { OrderFilter } from './order-filter';
import { filterBook } from './order-filter';
import type { SortSpec } from './order-sort-keys';
import { sortOrders } from './order-sort';
import { rememberStaleCount } from './stale-count-cache';
import { useRelayNow } from './relay-clock';
import type { StaleThresholds } from './stale-rules';

export interface OrderRows {
  /** Filtered and sorted; a new array only when re-derived, so the table's row model is rebuilt rarely. */
  readonly orders: Order[];
  readonly staleCount: number;
  readonly engines: string[];
  readonly routes: string[];
}

/** Re-deriving row order is O(n log n): at most this often while events stream in. */
export const REORDER_INTERVAL_MS = 250;
/** …and never more than a fifth of the main thread, however slow the machine. */
const MAX_BUSY_SHARE = 0.2;

/**
 * The table's rows: filtered and sorted over the whole book. A change of filter, sort or
 * threshold re-derives at once; book changes and clock ticks at most every 250 ms (longer
 * when one derivation costs more than a fifth of that), while
 * cells keep updating every frame by reading the (mutated in place) orders themselves.
 */
export function useOrderRows(filter: OrderFilter, sort: SortSpec | null, thresholds: StaleThresholds): OrderRows {
  const dashboard = useDashboard();
  const version = useBookVersion();
  const now = useRelayNow();
  const compute = useMemo(
    () => (): OrderRows => {
      const at = dashboard.relayNow();
      const book = dashboard.book();
      const f = filterBook(book, filter, at, thresholds);
      rememberStaleCount(book, thresholds, Date.now(), f.staleCount);
      return { orders: sortOrders(f.orders, sort, f.stale, at), staleCount: f.staleCount, engines: f.engines, routes: f.routes };
    },
    [dashboard, filter, sort, thresholds],
  );
  const [rows, setRows] = useState<OrderRows>(compute);
  const lastCompute = useRef(compute);
  const lastRunAt = useRef(Date.now());
  const lastCostMs = useRef(0);

  useEffect(() => {
    const run = (): void => {
      lastCompute.current = compute;
      const started = Date.now();
      setRows(compute());
      lastRunAt.current = Date.now();
      lastCostMs.current = lastRunAt.current - started;
    };
    if (lastCompute.current !== compute) {
      run();
      return;
    }
    const interval = Math.max(REORDER_INTERVAL_MS, lastCostMs.current / MAX_BUSY_SHARE);
    const wait = lastRunAt.current + interval - Date.now();
    if (wait <= 0) {
      run();
      return;
    }
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [compute, version, now]);

  return rows;
}
