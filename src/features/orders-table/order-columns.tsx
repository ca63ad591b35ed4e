import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
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

export const tableFeaturesUsed = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
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

/** The grid's column template for these columns, in table order. */
export function gridTemplate(ids: readonly SortKey[]): string {
  return ids.map((id) => COLUMN_LAYOUT[id].track).join(' ');
}

/** These columns' least widths together: a narrower frame scrolls sideways instead of hiding columns. */
export function gridMinWidth(ids: readonly SortKey[]): number {
  return ids.reduce((sum, id) => sum + Number(/(\d+)px/.exec(COLUMN_LAYOUT[id].track)![1]), 0);
}
