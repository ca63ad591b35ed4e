import { useTable } from '@tanstack/react-table';
import type { ColumnVisibilityState, SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import type { Order } from '../../core/order';
import type { SortKey, SortSpec } from '../../store/order-sort-keys';
import { isSortKey } from '../../store/order-sort-keys';
import { ORDER_COLUMNS, tableFeaturesUsed } from './order-columns';
import { setHiddenColumns, useHiddenColumns } from './column-visibility';
import type { OrdersTable } from './orders-table-type';

const getRowId = (order: Order): string => order.client_order_id;

/**
 * The TanStack table over the rows in view. It gets only the virtualizer's window of the
 * (already filtered and sorted) orders: its row model then costs ~50 rows, not 100k, each
 * time the order is re-derived or the grid scrolls. Sorting is ours (`manualSorting`); the
 * table keeps the header state and the toggle handlers.
 */
export function useOrdersTable(
  windowRows: readonly Order[],
  sort: SortSpec | null,
  onSortChange: (sort: SortSpec | null) => void,
): OrdersTable {
  const sorting = useMemo<SortingState>(() => (sort === null ? [] : [{ id: sort.key, desc: sort.desc }]), [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first !== undefined && isSortKey(first.id) ? { key: first.id, desc: first.desc } : null);
    },
    [sorting, onSortChange],
  );
  const hidden = useHiddenColumns();
  const columnVisibility = useMemo<ColumnVisibilityState>(() => Object.fromEntries([...hidden].map((id) => [id, false])), [hidden]);
  const onColumnVisibilityChange = useCallback(
    (updater: Updater<ColumnVisibilityState>) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      setHiddenColumns(Object.keys(next).filter((id): id is SortKey => next[id] === false && isSortKey(id)));
    },
    [columnVisibility],
  );
  return useTable({
    features: tableFeaturesUsed,
    columns: ORDER_COLUMNS,
    data: windowRows,
    getRowId,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting, columnVisibility },
    onSortingChange,
    onColumnVisibilityChange,
  });
}
