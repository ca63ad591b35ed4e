import {
  columnOrderingFeature,
  columnPinningFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import { AgeTimer } from '../../components/age-timer';
import { FillBar } from '../../components/fill-bar';
import { ID_KEEP_END, LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import type { Order } from '../../core/order';
import { isActive } from '../../core/status';
import { formatClockIn, formatPrice, formatUsd } from '../../lib/format';
import { useTimeZone } from '../../store/time-zone';
import type { SortKey } from '../../store/order-sort-keys';
import { orderAgeSec } from '../../store/order-sort';
import { useRelayNow } from '../../store/relay-clock';
import { StatusCell } from './status-cell';

/** A row's last update in the chosen zone, dated when not today; the exact UTC instant on hover. */
function UpdatedAt({ at }: { readonly at: number }) {
  const zone = useTimeZone();
  const now = useRelayNow();
  return <span title={new Date(at).toISOString()}>{formatClockIn(at, zone, now)}</span>;
}

export const tableFeaturesUsed = tableFeatures({ rowSortingFeature, columnVisibilityFeature, columnOrderingFeature, columnPinningFeature });
const column = createColumnHelper<typeof tableFeaturesUsed, Order>();

/** Width (CSS grid track) and alignment per column; ids are the URL's sort keys. */
export const COLUMN_LAYOUT: Readonly<Record<SortKey, { readonly track: string; readonly numeric: boolean }>> = {
  age: { track: '104px', numeric: true },
  status: { track: 'minmax(180px, 2fr)', numeric: false },
  symbol: { track: 'minmax(100px, 0.9fr)', numeric: false },
  side: { track: '46px', numeric: false },
  size_usd: { track: '104px', numeric: true },
  fill_pct: { track: '118px', numeric: true },
  filled_value: { track: '104px', numeric: true },
  avg_price: { track: '96px', numeric: true },
  fees: { track: '72px', numeric: true },
  client_order_id: { track: 'minmax(126px, 1fr)', numeric: false },
  order_id: { track: 'minmax(110px, 0.9fr)', numeric: false },
  engine: { track: 'minmax(64px, 0.5fr)', numeric: false },
  route: { track: '64px', numeric: false },
  last_update_at: { track: '136px', numeric: true },
};

function AgeCell({ order }: { readonly order: Order }) {
  const now = useRelayNow();
  return <AgeTimer seconds={orderAgeSec(order, now)} frozen={!isActive(order.status)} />;
}

/**
 * Cells read `row.original` (the live, mutated-in-place order), never the table's cached
 * values: the row model is rebuilt only when the row order changes.
 */
export const ORDER_COLUMNS = column.columns([
  column.accessor('created_at', { id: 'age', header: 'Age', cell: ({ row }) => <AgeCell order={row.original} /> }),
  column.accessor('status', { id: 'status', header: 'Status', cell: ({ row }) => <StatusCell order={row.original} /> }),
  column.accessor('symbol', {
    id: 'symbol',
    header: 'Symbol',
    cell: ({ row }) => <UntrustedText text={row.original.symbol} keepEnd={LABEL_KEEP_END} />,
  }),
  column.accessor('side', {
    id: 'side',
    header: 'Side',
    cell: ({ row }) => <span className={`side side--${row.original.side}`}>{row.original.side === 'buy' ? 'Buy' : 'Sell'}</span>,
  }),
  column.accessor('size_usd', { id: 'size_usd', header: 'Size USD', cell: ({ row }) => formatUsd(row.original.size_usd) }),
  column.accessor('fill_pct', { id: 'fill_pct', header: 'Fill %', cell: ({ row }) => <FillBar pct={row.original.fill_pct} /> }),
  column.accessor('filled_value', { id: 'filled_value', header: 'Filled', cell: ({ row }) => formatUsd(row.original.filled_value) }),
  column.accessor('avg_price', { id: 'avg_price', header: 'Avg price', cell: ({ row }) => formatPrice(row.original.avg_price) }),
  column.accessor('fees', { id: 'fees', header: 'Fees', cell: ({ row }) => formatUsd(row.original.fees) }),
  column.accessor('client_order_id', {
    id: 'client_order_id',
    header: 'Client order id',
    cell: ({ row }) => <UntrustedText text={row.original.client_order_id} keepEnd={ID_KEEP_END} className="mono" />,
  }),
  column.accessor('order_id', {
    id: 'order_id',
    header: 'Exchange id',
    cell: ({ row }) =>
      row.original.order_id === null ? '—' : <UntrustedText text={row.original.order_id} keepEnd={ID_KEEP_END} className="mono" />,
  }),
  column.accessor('engine', {
    id: 'engine',
    header: 'Engine',
    cell: ({ row }) => (row.original.engine === '' ? '—' : <UntrustedText text={row.original.engine} keepEnd={LABEL_KEEP_END} />),
  }),
  column.accessor('route', {
    id: 'route',
    header: 'Route',
    cell: ({ row }) => <UntrustedText text={row.original.route} keepEnd={LABEL_KEEP_END} />,
  }),
  column.accessor('last_update_at', {
    id: 'last_update_at',
    header: 'Updated',
    cell: ({ row }) => <UpdatedAt at={row.original.last_update_at} />,
  }),
]);

/** A column's least width: its track's px figure. */
export function minWidthOf(id: SortKey): number {
  return Number(/(\d+)px/.exec(COLUMN_LAYOUT[id].track)![1]);
}

/** Widths the operator set, and which columns are pinned (those get a fixed width, for their offsets). */
export interface ColumnWidths {
  readonly widths: Readonly<Partial<Record<SortKey, number>>>;
  readonly pinned: ReadonlySet<SortKey>;
}

/** A column's fixed width in px, or null when it keeps its flexible track. */
function fixedWidth(id: SortKey, w: ColumnWidths): number | null {
  return w.widths[id] ?? (w.pinned.has(id) ? minWidthOf(id) : null);
}

/** The grid's column template for these columns, in display order. */
export function gridTemplate(ids: readonly SortKey[], w: ColumnWidths): string {
  return ids
    .map((id) => {
      const px = fixedWidth(id, w);
      return px === null ? COLUMN_LAYOUT[id].track : `${px}px`;
    })
    .join(' ');
}

/** These columns' least widths together: a narrower frame scrolls sideways instead of hiding columns. */
export function gridMinWidth(ids: readonly SortKey[], w: ColumnWidths): number {
  return ids.reduce((sum, id) => sum + (fixedWidth(id, w) ?? minWidthOf(id)), 0);
}

/** Each pinned column's offset from the start (CSS sticky `left`), pinned columns coming first. */
export function pinOffsets(ids: readonly SortKey[], w: ColumnWidths): Partial<Record<SortKey, number>> {
  const out: Partial<Record<SortKey, number>> = {};
  let left = 0;
  for (const id of ids) {
    if (!w.pinned.has(id)) break;
    out[id] = left;
    left += fixedWidth(id, w)!;
  }
  return out;
}

/** A cell's classes: numbers right-aligned; the first `pinnedCount` cells sticky at the start, the last of them edged. */
export function cellClass(id: SortKey, index: number, pinnedCount: number): string {
  const pin = index >= pinnedCount ? '' : index === pinnedCount - 1 ? ' is-pinned is-pinned-last' : ' is-pinned';
  return `orders-grid__cell${COLUMN_LAYOUT[id].numeric ? ' orders-grid__cell--num' : ''}${pin}`;
}

/** A pinned cell's offset, from the grid's `--pin-<id>` variable (set from the widths). */
export function pinnedStyle(id: string): CSSProperties {
  return { left: `var(--pin-${id}, 0px)` };
}
