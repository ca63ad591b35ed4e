import { useTable } from '@tanstack/react-table';
import type { SortingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import type { Order } from '../../core/order';
import type { SortSpec } from '../../store/order-sort-keys';
import { isSortKey } from '../../store/order-sort-keys';
import { GRID_TEMPLATE, ORDER_COLUMNS, tableFeaturesUsed } from './order-columns';
import { OrdersGridBody } from './orders-grid-body';
import { OrdersGridHeader } from './orders-grid-header';

interface OrdersGridProps {
  readonly orders: Order[];
  readonly sort: SortSpec | null;
  readonly onSortChange: (sort: SortSpec | null) => void;
  readonly selectedId: string | null;
  readonly onSelect: (clientOrderId: string) => void;
}

const getRowId = (order: Order): string => order.client_order_id;

/**
 * The order grid: TanStack Table for columns, headers and sort state (sorting is done by our
 * own selectors, `manualSorting`), react-virtual in the body for the rows.
 */
export function OrdersGrid({ orders, sort, onSortChange, selectedId, onSelect }: OrdersGridProps) {
  const sorting = useMemo<SortingState>(() => (sort === null ? [] : [{ id: sort.key, desc: sort.desc }]), [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first !== undefined && isSortKey(first.id) ? { key: first.id, desc: first.desc } : null);
    },
    [sorting, onSortChange],
  );
  const table = useTable({
    features: tableFeaturesUsed,
    columns: ORDER_COLUMNS,
    data: orders,
    getRowId,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange,
  });
  const rows = table.getRowModel().rows;
  const header = <OrdersGridHeader headers={table.getHeaderGroups()[0]?.headers ?? []} table={table} />;
  return (
    <div className="orders-grid-frame" style={{ ['--grid-template' as string]: GRID_TEMPLATE }}>
      <OrdersGridBody rows={rows} table={table} selectedId={selectedId} onSelect={onSelect} header={header} columnCount={ORDER_COLUMNS.length} />
    </div>
  );
}
