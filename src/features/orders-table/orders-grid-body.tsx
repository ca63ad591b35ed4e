import type { Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import type { Order } from '../../core/order';
import { useBookVersion } from '../../store/dashboard-context';
import { OrderRow } from './order-row';
import type { OrdersTable } from './orders-table-type';
import { nextActiveIndex, rowDomId } from './grid-keys';

/** Tall enough for a stale row's second line (its reason). */
export const ROW_HEIGHT = 40;

interface OrdersGridBodyProps {
  readonly rows: readonly Row<OrdersTable['_features'], Order>[];
  readonly table: OrdersTable;
  readonly selectedId: string | null;
  readonly onSelect: (clientOrderId: string) => void;
  readonly header: React.ReactNode;
  readonly columnCount: number;
}

/**
 * The virtualized part of the grid, kept as low as possible: only this component re-renders
 * per committed frame, and only rows whose order changed (`rev`) re-render inside it.
 */
export function OrdersGridBody({ rows, table, selectedId, onSelect, header, columnCount }: OrdersGridBodyProps) {
  useBookVersion();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1);
  const items = virtualizer.getVirtualItems();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      const row = rows[activeIndex];
      if (row !== undefined) {
        e.preventDefault();
        onSelect(row.id);
      }
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextActiveIndex(e.key, activeIndex, rows.length, page);
    if (next === null) return;
    e.preventDefault();
    const row = rows[next];
    if (row === undefined) return;
    setActiveId(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div
      className="orders-grid"
      role="grid"
      aria-label="Orders"
      aria-rowcount={rows.length + 1}
      aria-colcount={columnCount}
      aria-activedescendant={activeIndex >= 0 && items.some((i) => i.index === activeIndex) ? rowDomId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeId === null && rows[0] !== undefined) setActiveId(rows[0].id);
      }}
    >
      {header}
      <div className="orders-grid__scroll" ref={scrollRef}>
        <div className="orders-grid__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <OrderRow
                key={row.id}
                row={row}
                rev={row.original.rev}
                index={item.index}
                top={item.start}
                table={table}
                active={item.index === activeIndex}
                selected={row.id === selectedId}
                onSelect={onSelect}
                onActivate={setActiveId}
              />
            );
          })}
        </div>
      </div>
      {rows.length === 0 && <p className="orders-grid__empty">No orders match these filters.</p>}
    </div>
  );
}
