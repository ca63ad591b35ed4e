import type { Order } from '../../core/order';
import type { SortSpecs } from '../../store/order-sort-keys';
import type { StaleThresholds } from '../../core/stale-rules';
import { GRID_MIN_WIDTH, GRID_TEMPLATE } from './order-columns';
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

/** The order grid's frame: one column template shared by the header and every row. */
export function OrdersGrid(props: OrdersGridProps) {
  return (
    <div
      className="orders-grid-frame"
      style={{ ['--grid-template' as string]: GRID_TEMPLATE, ['--grid-min-width' as string]: `${GRID_MIN_WIDTH}px` }}
    >
      <OrdersGridBody {...props} />
    </div>
  );
}
