import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order } from '../../core/order';
import { nextActiveIndex } from '../../lib/grid-keys';
import { HISTORY_COLUMNS, HISTORY_GRID_TEMPLATE } from './history-columns';
import { HistoryRow, historyRowId } from './history-row';

export const HISTORY_ROW_HEIGHT = 36;
/** Rows from the end at which the next page is asked for: it arrives before the operator gets there. */
export const LOAD_AHEAD_ROWS = 30;

interface HistoryGridProps {
  readonly orders: readonly Order[];
  readonly selectedId: string | null;
  readonly onOpen: (clientOrderId: string) => void;
  /** Called when the rendered window comes within LOAD_AHEAD_ROWS of the last row and `canLoadMore`. */
  readonly onNearEnd: () => void;
  /** A next page can be asked for now (none on its way, not at the end, no error waiting for a retry). */
  readonly canLoadMore: boolean;
  readonly footer: ReactNode;
}

/**
 * The loaded history, virtualized (thousands of rows render a window of a few dozen). A plain paged
 * list: rows arrive at its end and never change. Enter or a click opens the detail panel.
 */
export function HistoryGrid({ orders, selectedId, onOpen, onNearEnd, canLoadMore, footer }: HistoryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const virtualizer = useVirtualizer({
    count: orders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => HISTORY_ROW_HEIGHT,
    overscan: 10,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? -1;
  // Checked again after each page lands (canLoadMore turns true): a tall window may still be near the end.
  useEffect(() => {
    if (canLoadMore && lastShown >= orders.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [canLoadMore, lastShown, orders.length, onNearEnd]);

  const open = useCallback(
    (index: number) => {
      const order = orders[index];
      if (order === undefined) return;
      setActive(index);
      onOpen(order.client_order_id);
    },
    [orders, onOpen],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (active < 0) return;
      e.preventDefault();
      open(active);
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? HISTORY_ROW_HEIGHT * 10) / HISTORY_ROW_HEIGHT) - 1);
    const next = nextActiveIndex(e.key, active, orders.length, page);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="history-grid-frame" style={{ ['--history-grid-template' as string]: HISTORY_GRID_TEMPLATE }}>
      <div
        className="history-grid"
        role="grid"
        aria-label="Finished orders"
        aria-rowcount={orders.length + 1}
        aria-colcount={HISTORY_COLUMNS.length}
        aria-activedescendant={active >= 0 && items.some((i) => i.index === active) ? historyRowId(active) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (active < 0 && orders.length > 0) setActive(0);
        }}
      >
        <div className="history-grid__row history-grid__row--head" role="row" aria-rowindex={1}>
          {HISTORY_COLUMNS.map((c) => (
            <div key={c.id} role="columnheader" className={c.numeric ? 'history-grid__cell history-grid__cell--num' : 'history-grid__cell'}>
              {c.header}
            </div>
          ))}
        </div>
        <div className="history-grid__scroll" ref={scrollRef} data-testid="history-scroll">
          <div className="history-grid__body" role="rowgroup" style={{ height: orders.length * HISTORY_ROW_HEIGHT }}>
            {items.map((item) => {
              const order = orders[item.index];
              if (order === undefined) return null;
              return (
                <HistoryRow
                  key={order.client_order_id}
                  order={order}
                  index={item.index}
                  top={item.start}
                  active={item.index === active}
                  selected={order.client_order_id === selectedId}
                  onOpen={open}
                />
              );
            })}
          </div>
          {footer}
        </div>
      </div>
    </div>
  );
}
