import { memo } from 'react';
import type { Order } from '../../core/order';
import { HISTORY_COLUMNS } from './history-columns';

interface HistoryRowProps {
  readonly order: Order;
  readonly index: number;
  readonly top: number;
  readonly active: boolean;
  readonly selected: boolean;
  readonly onOpen: (index: number) => void;
}

export const historyRowId = (index: number): string => `history-row-${index}`;

/** One finished order. History rows never change once loaded, so a row re-renders only when its flags move. */
export const HistoryRow = memo(function HistoryRow({ order, index, top, active, selected, onOpen }: HistoryRowProps) {
  const className = ['history-grid__row', active && 'is-active', selected && 'is-selected'].filter(Boolean).join(' ');
  return (
    <div
      id={historyRowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-order-id={order.client_order_id}
      data-status={order.status}
      className={className}
      style={{ top }}
      onClick={() => onOpen(index)}
    >
      {HISTORY_COLUMNS.map((c) => (
        <div key={c.id} role="gridcell" className={c.numeric ? 'history-grid__cell history-grid__cell--num' : 'history-grid__cell'}>
          {c.cell(order)}
        </div>
      ))}
    </div>
  );
});
