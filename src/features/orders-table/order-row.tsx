import { FlexRender } from '@tanstack/react-table';
import type { Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { Order } from '../../core/order';
import { useOrderRev } from '../../store/use-order-rev';
import { useRelayNow } from '../../store/relay-clock';
import type { StaleThresholds } from '../../core/stale-rules';
import { isStaleOrder } from '../../core/stale-rules';
import type { SortKey } from '../../store/order-sort-keys';
import { cellClass, pinnedStyle } from './order-columns';
import type { OrdersTable } from './orders-table-type';
import { rowDomId } from './grid-keys';

interface OrderRowProps {
  readonly row: Row<OrdersTable['_features'], Order>;
  readonly thresholds: StaleThresholds;
  readonly index: number;
  readonly top: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly onSelect: (clientOrderId: string) => void;
  readonly onActivate: (clientOrderId: string) => void;
  /** The visible columns, in order, and the pins: a row re-renders when they change. */
  readonly columnsKey: string;
  /** How many of the first cells are pinned (pinned columns always come first). */
  readonly pinnedCount: number;
}

function OrderRowView({ row, thresholds, index, top, active, selected, onSelect, onActivate, pinnedCount }: OrderRowProps) {
  // Orders are mutated in place: the row re-renders when its own order's revision moves.
  useOrderRev(row.original);
  const now = useRelayNow();
  const stale = isStaleOrder(row.original, now, thresholds);
  const className = ['orders-grid__row', stale && 'is-stale', active && 'is-active', selected && 'is-selected'].filter(Boolean).join(' ');
  return (
    <div
      id={rowDomId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-order-id={row.id}
      data-status={row.original.status}
      className={className}
      style={{ top }}
      onClick={() => {
        onActivate(row.id);
        onSelect(row.id);
      }}
    >
      {row.getVisibleCells().map((cell, i) => (
        <div
          key={cell.column.id}
          role="gridcell"
          className={cellClass(cell.column.id as SortKey, i, pinnedCount)}
          style={i < pinnedCount ? pinnedStyle(cell.column.id) : undefined}
        >
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
}

/**
 * The table builds new row objects whenever its window moves (each scrolled frame), but a row
 * whose order, place and flags are unchanged renders the same: its cells read only the order,
 * which it follows by `rev` itself. Comparing the order, not the row object, lets a scrolled
 * frame render just the rows that came into view.
 */
function sameRow(prev: OrderRowProps, next: OrderRowProps): boolean {
  return (
    prev.row.original === next.row.original &&
    prev.index === next.index &&
    prev.top === next.top &&
    prev.active === next.active &&
    prev.selected === next.selected &&
    prev.thresholds === next.thresholds &&
    prev.onSelect === next.onSelect &&
    prev.onActivate === next.onActivate &&
    prev.columnsKey === next.columnsKey &&
    prev.pinnedCount === next.pinnedCount
  );
}

export const OrderRow = memo(OrderRowView, sameRow);
