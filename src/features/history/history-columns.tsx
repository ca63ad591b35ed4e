import type { ReactNode } from 'react';
import { FillBar } from '../../components/fill-bar';
import { StatusBadge } from '../../components/status-badge';
import { ID_KEEP_END, LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import type { Order } from '../../core/order';
import { formatAge, formatPrice, formatTimestamp, formatUsd } from '../../lib/format';

export interface HistoryColumn {
  readonly id: string;
  readonly header: string;
  /** CSS grid track: the live table's widths, a little narrower, so every column fits at 1280 px. */
  readonly track: string;
  readonly numeric: boolean;
  readonly cell: (order: Order) => ReactNode;
}

const finishedAt = (o: Order): number => o.completed_at ?? o.last_update_at;

/**
 * A finished order's row: when it finished and how long it lived first, then the live table's
 * cells (status badge, fill bar, engine text as untrusted text). Nothing here ticks.
 */
export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  {
    id: 'completed_at',
    header: 'Finished (UTC)',
    track: '168px',
    numeric: true,
    cell: (o) => formatTimestamp(finishedAt(o)).replace('Z', ''),
  },
  {
    id: 'lifetime',
    header: 'Took',
    track: '56px',
    numeric: true,
    cell: (o) => formatAge(Math.max(0, finishedAt(o) - o.created_at) / 1000),
  },
  { id: 'status', header: 'Status', track: 'minmax(104px, 1.2fr)', numeric: false, cell: (o) => <StatusBadge status={o.status} /> },
  {
    id: 'symbol',
    header: 'Symbol',
    track: 'minmax(80px, 0.9fr)',
    numeric: false,
    cell: (o) => <UntrustedText text={o.symbol} keepEnd={LABEL_KEEP_END} />,
  },
  {
    id: 'side',
    header: 'Side',
    track: '52px',
    numeric: false,
    cell: (o) => <span className={`side side--${o.side}`}>{o.side === 'buy' ? 'Buy' : 'Sell'}</span>,
  },
  { id: 'size_usd', header: 'Size USD', track: '92px', numeric: true, cell: (o) => formatUsd(o.size_usd) },
  { id: 'fill_pct', header: 'Fill %', track: '100px', numeric: true, cell: (o) => <FillBar pct={o.fill_pct} /> },
  { id: 'filled_value', header: 'Filled', track: '92px', numeric: true, cell: (o) => formatUsd(o.filled_value) },
  { id: 'avg_price', header: 'Avg price', track: '92px', numeric: true, cell: (o) => formatPrice(o.avg_price) },
  { id: 'fees', header: 'Fees', track: '72px', numeric: true, cell: (o) => formatUsd(o.fees) },
  {
    id: 'client_order_id',
    header: 'Client order id',
    track: 'minmax(110px, 1fr)',
    numeric: false,
    cell: (o) => <UntrustedText text={o.client_order_id} keepEnd={ID_KEEP_END} className="mono" />,
  },
  {
    id: 'order_id',
    header: 'Exchange id',
    track: 'minmax(96px, 0.9fr)',
    numeric: false,
    cell: (o) => (o.order_id === null ? '—' : <UntrustedText text={o.order_id} keepEnd={ID_KEEP_END} className="mono" />),
  },
  {
    id: 'engine',
    header: 'Engine',
    track: 'minmax(64px, 0.5fr)',
    numeric: false,
    cell: (o) => (o.engine === '' ? '—' : <UntrustedText text={o.engine} keepEnd={LABEL_KEEP_END} />),
  },
  { id: 'route', header: 'Route', track: '64px', numeric: false, cell: (o) => <UntrustedText text={o.route} keepEnd={LABEL_KEEP_END} /> },
];

export const HISTORY_GRID_TEMPLATE = HISTORY_COLUMNS.map((c) => c.track).join(' ');
