import type { Header } from '@tanstack/react-table';
import type { Ref } from 'react';
import type { Order } from '../../core/order';
import type { SortKey } from '../../store/order-sort-keys';
import type { OrdersTable } from './orders-table-type';
import { cellClass, pinnedStyle } from './order-columns';
import { ColumnResizeHandle } from './column-resize-handle';
import { setTimeZone, useTimeZone, zoneLabel } from '../../store/time-zone';

type OrderHeader = Header<OrdersTable['_features'], Order, unknown>;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

interface OrdersGridHeaderProps {
  readonly headers: readonly OrderHeader[];
  readonly table: OrdersTable;
  /** More than one column sorts: each sorted header shows its rank. */
  readonly multiSort: boolean;
  /** How many of the first columns are pinned. */
  readonly pinnedCount: number;
  /** The header's clip box: the body's sideways scroll moves it (the header stays out of the vertical scroll). */
  readonly ref?: Ref<HTMLDivElement>;
}

export function OrdersGridHeader({ headers, table, multiSort, pinnedCount, ref }: OrdersGridHeaderProps) {
  return (
    <div className="orders-grid__head" role="rowgroup" ref={ref}>
      <div className="orders-grid__row orders-grid__row--head" role="row" aria-rowindex={1}>
        {headers.map((header, i) => {
          const sorted = header.column.getIsSorted();
          const id = header.column.id as SortKey;
          const pinned = i < pinnedCount;
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={sorted === false ? 'none' : ARIA_SORT[sorted]}
              className={cellClass(id, i, pinnedCount)}
              style={pinned ? pinnedStyle(id) : undefined}
            >
              <button
                type="button"
                className="sort-button"
                onClick={header.column.getToggleSortingHandler()}
                title={`Sort by ${String(header.column.columnDef.header)} (shift+click: then by it)`}
              >
                <table.FlexRender header={header} />
                <span className="sort-button__arrow" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  {sorted !== false && multiSort && <sub className="sort-button__rank">{header.column.getSortIndex() + 1}</sub>}
                </span>
              </button>
              {header.column.id === 'last_update_at' && <ZoneToggle />}
              <ColumnResizeHandle id={id} label={String(header.column.columnDef.header)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The zone the table's times are in, named where they are; a click switches UTC and this browser's zone. */
function ZoneToggle() {
  const zone = useTimeZone();
  const other = zone === 'utc' ? 'local' : 'utc';
  return (
    <button
      type="button"
      className="zone-toggle"
      title={`Times in ${zoneLabel(zone)}: switch to ${other === 'utc' ? 'UTC' : `this browser's zone (${zoneLabel('local')})`}`}
      onClick={() => setTimeZone(other)}
    >
      {zoneLabel(zone)}
    </button>
  );
}
