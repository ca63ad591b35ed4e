import type { SortKey } from '../../store/order-sort-keys';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import type { Order } from '../../core/order';
import { OrderRow } from './order-row';
import type { SortSpecs } from '../../store/order-sort-keys';
import type { StaleThresholds } from '../../core/stale-rules';
import { gridMinWidth, gridTemplate, pinOffsets } from './order-columns';
import { useColumnLayout } from '../../store/column-layout';
import { OrdersGridHeader } from './orders-grid-header';
import { nextActiveIndex } from '../../lib/grid-keys';
import { assignRowSlots, rowDomId } from './grid-keys';
import { useOrdersTable } from './use-orders-table';
import { useAlertActions } from '../../store/alert-actions';
import { useDashboard } from '../../store/dashboard-context';
import { useOperatorName } from '../../store/use-operator-name';

/** Tall enough for a stale row's second line (its reason). */
export const ROW_HEIGHT = 40;
const COUNT_BLOCK = 16_384;

interface OrdersGridBodyProps {
  /** Filtered and sorted: the whole view, of which only a window is rendered. */
  readonly orders: readonly Order[];
  readonly emptyText: string;
  /** The stale limits in force, for each row's highlight. */
  readonly thresholds: StaleThresholds;
  readonly sort: SortSpecs;
  readonly onSortChange: (sort: SortSpecs) => void;
  readonly selectedId: string | null;
  readonly onSelect: (clientOrderId: string) => void;
}

/**
 * The virtualized part of the grid. It re-renders when the row order is re-derived or the
 * window scrolls, not per committed frame: each visible row follows its own order's `rev`.
 */
export function OrdersGridBody({ orders, emptyText, thresholds, sort, onSortChange, selectedId, onSelect }: OrdersGridBodyProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Rows have one fixed height and no measured sizes, so index keys (the default) are enough:
  // a per-render getItemKey made the virtualizer rebuild 100k measurements every frame. For the
  // same reason its count moves in blocks: each new count rebuilds every row's measurement
  // (~10 ms at 100k), and the row count changes with nearly every re-derive. Rows past the
  // real end are not rendered, and the body's height is the real count's.
  const virtualizer = useVirtualizer({
    count: Math.ceil(orders.length / COUNT_BLOCK) * COUNT_BLOCK,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // A scroll re-renders with React's normal batching, not synchronously inside the scroll
    // event: the window moves at most once per frame either way.
    useFlushSync: false,
  });
  // Looked up only while a row is active: no 100k-entry map per re-derive.
  const activeIndex = useMemo(() => (activeId === null ? -1 : orders.findIndex((o) => o.client_order_id === activeId)), [orders, activeId]);
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = (items[items.length - 1]?.index ?? -1) + 1;
  const windowRows = useMemo(() => orders.slice(start, end), [orders, start, end]);
  // Row slots carry over from the last window (assignRowSlots); recomputed only when it moves,
  // and the same window always maps to the same slots, so a repeated render is harmless.
  const slotsRef = useRef(new Map<number, number>());
  const slots = useMemo(() => {
    const next = assignRowSlots(
      slotsRef.current,
      Array.from({ length: end - start }, (_, k) => start + k),
    );
    slotsRef.current = next;
    return next;
  }, [start, end]);
  const table = useOrdersTable(windowRows, sort, onSortChange);
  const layout = useColumnLayout();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  // Display order: pinned first, then the chosen order, as the table lays out headers and cells.
  const idsKey = headers.map((h) => h.column.id).join(' ');
  const visibleIds = useMemo(() => (idsKey === '' ? [] : (idsKey.split(' ') as SortKey[])), [idsKey]);
  const columnsKey = `${idsKey}|${layout.pinned.join(' ')}`;
  const pinnedCount = useMemo(() => visibleIds.filter((id) => layout.pinned.includes(id)).length, [visibleIds, layout.pinned]);
  const gridStyle = useMemo(() => {
    const w = { widths: layout.widths, pinned: new Set(layout.pinned) };
    const style: Record<string, string> = {
      '--grid-template': gridTemplate(visibleIds, w),
      '--grid-min-width': `${gridMinWidth(visibleIds, w)}px`,
    };
    // Offsets as variables: a width change restyles the grid without re-rendering its rows.
    let pinnedWidth = 0;
    for (const [id, left] of Object.entries(pinOffsets(visibleIds, w))) {
      style[`--pin-${id}`] = `${left}px`;
      pinnedWidth = left + gridMinWidth([id as SortKey], w);
    }
    // The scroller keeps a cell scrolled into view (keyboard, find) clear of the pinned columns.
    style['--pinned-width'] = `${pinnedWidth}px`;
    return style;
  }, [visibleIds, layout.widths, layout.pinned]);
  const rows = table.getRowModel().rows;

  const dashboard = useDashboard();
  const actions = useAlertActions();
  const [operator] = useOperatorName();
  const [ackNote, setAckNote] = useState('');
  /** `a` acknowledges the active row's alert: the desk's one-key "I have it". */
  const ackActive = (): void => {
    const order = orders[activeIndex];
    if (order === undefined) return;
    const alert = dashboard.alerts.getState().byOrder.get(order.client_order_id);
    if (alert === undefined || alert.state !== 'firing') return setAckNote('This order has no firing alert.');
    if (actions === null) return setAckNote('This page cannot act on alerts.');
    if (operator === '') return setAckNote('Enter your name in the alerts list first (the alert bar opens it).');
    setAckNote('Acknowledging…');
    void actions.ack(alert.id, operator, '').then((outcome) => setAckNote(outcome === null ? 'Acknowledged.' : outcome.error));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'a' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      ackActive();
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      const order = orders[activeIndex];
      if (order !== undefined) {
        e.preventDefault();
        onSelect(order.client_order_id);
      }
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = nextActiveIndex(e.key, activeIndex, orders.length, page);
    if (next === null) return;
    e.preventDefault();
    const order = orders[next];
    if (order === undefined) return;
    setActiveId(order.client_order_id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <>
      <div
        className="orders-grid"
        role="grid"
        aria-label="Orders"
        aria-rowcount={orders.length + 1}
        aria-colcount={visibleIds.length}
        style={gridStyle}
        aria-activedescendant={activeIndex >= 0 && items.some((i) => i.index === activeIndex) ? rowDomId(activeIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeId === null && orders[0] !== undefined) setActiveId(orders[0].client_order_id);
        }}
      >
        <OrdersGridHeader headers={headers} table={table} multiSort={sort.length > 1} pinnedCount={pinnedCount} ref={headRef} />
        <div
          className="orders-grid__scroll"
          ref={scrollRef}
          onScroll={(e) => {
            if (headRef.current !== null) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
          }}
        >
          <div className="orders-grid__body" role="rowgroup" style={{ height: orders.length * ROW_HEIGHT }}>
            {items.map((item) => {
              const row = rows[item.index - start];
              if (row === undefined) return null;
              return (
                <OrderRow
                  key={slots.get(item.index)}
                  row={row}
                  thresholds={thresholds}
                  index={item.index}
                  top={item.start}
                  active={item.index === activeIndex}
                  selected={row.id === selectedId}
                  onSelect={onSelect}
                  onActivate={setActiveId}
                  columnsKey={columnsKey}
                  pinnedCount={pinnedCount}
                />
              );
            })}
          </div>
        </div>
        {orders.length === 0 && <p className="orders-grid__empty">{emptyText}</p>}
      </div>
      {ackNote !== '' && (
        <p className="orders-grid__ack-note" role="status" data-testid="grid-ack-note">
          {ackNote}
        </p>
      )}
    </>
  );
}
