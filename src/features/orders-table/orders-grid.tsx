import type { Order } from '../../core/order';
import type { SortSpecs } from '../../store/order-sort-keys';
import type { StaleThresholds } from '../../core/stale-rules';
import { OrdersGridBody } from './orders-grid-body';

interface OrdersGridProps {
  readonly orders: Order[];
  /** Said when there are no rows: why (filters, or nothing sent yet). */
  readonly emptyText: string;
  readonly thresholds: StaleThresholds;
  readonly sort: SortSpecs;
  readonly onSortChange: (sort: SortSpecs) => void;
  readonly selectedId: string | null;
  readonly onSelect: (clientOrderId: string) => void;
}

/** The order grid's frame; the grid inside sets the column template its header and rows share. */
export function OrdersGrid(props: OrdersGridProps) {
  return (
    <div className="orders-grid-frame">
      <OrdersGridBody {...props} />
    </div>
  );
}
