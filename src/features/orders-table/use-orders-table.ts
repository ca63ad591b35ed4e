import { useTable } from '@tanstack/react-table';
import type { ColumnOrderState, ColumnPinningState, ColumnVisibilityState, SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import type { Order } from '../../core/order';
import type { SortKey, SortSpecs } from '../../store/order-sort-keys';
import { isSortKey, MAX_SORTS } from '../../store/order-sort-keys';
import { ORDER_COLUMNS, tableFeaturesUsed } from './order-columns';
import { setHiddenColumns, useHiddenColumns } from '../../store/hidden-columns';
import type { OrdersTable } from './orders-table-type';
import { updateColumnLayout, useColumnLayout } from '../../store/column-layout';

const getRowId = (order: Order): string => order.client_order_id;

/**
 * The TanStack table over the rows in view. It gets only the virtualizer's window of the
 * (already filtered and sorted) orders: its row model then costs ~50 rows, not 100k, each
 * time the order is re-derived or the grid scrolls. Sorting is ours (`manualSorting`); the
 * table keeps the header state and the toggle handlers.
 */
export function useOrdersTable(windowRows: readonly Order[], sort: SortSpecs, onSortChange: (sort: SortSpecs) => void): OrdersTable {
  const sorting = useMemo<SortingState>(() => sort.map((s) => ({ id: s.key, desc: s.desc })), [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSortChange(next.flatMap((s) => (isSortKey(s.id) ? [{ key: s.id, desc: s.desc }] : [])).slice(0, MAX_SORTS));
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
  const layout = useColumnLayout();
  const columnOrder = useMemo<ColumnOrderState>(() => [...layout.order], [layout.order]);
  const columnPinning = useMemo<ColumnPinningState>(() => ({ start: [...layout.pinned], end: [] }), [layout.pinned]);
  const onColumnOrderChange = useCallback(
    (updater: Updater<ColumnOrderState>) => {
      const next = typeof updater === 'function' ? updater(columnOrder) : updater;
      updateColumnLayout({ order: next.filter(isSortKey) });
    },
    [columnOrder],
  );
  const onColumnPinningChange = useCallback(
    (updater: Updater<ColumnPinningState>) => {
      const next = typeof updater === 'function' ? updater(columnPinning) : updater;
      updateColumnLayout({ pinned: (next.start ?? []).filter(isSortKey) });
    },
    [columnPinning],
  );
  return useTable({
    features: tableFeaturesUsed,
    columns: ORDER_COLUMNS,
    data: windowRows,
    getRowId,
    manualSorting: true,
    // Shift+click adds a column to the sort (TanStack's default multi-sort event).
    enableMultiSort: true,
    maxMultiSortColCount: MAX_SORTS,
    state: { sorting, columnVisibility, columnOrder, columnPinning },
    onSortingChange,
    onColumnVisibilityChange,
    onColumnOrderChange,
    onColumnPinningChange,
  });
}
