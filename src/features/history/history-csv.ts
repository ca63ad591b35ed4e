import type { Order } from '../../core/order';
import { csvDocument } from '../../lib/csv-field';

const HEADER = [
  'client_order_id',
  'order_id',
  'status',
  'reason',
  'symbol',
  'side',
  'size_usd',
  'fill_pct',
  'filled_size',
  'filled_value',
  'avg_price',
  'fees',
  'engine',
  'route',
  'created_at',
  'completed_at',
  'last_update_at',
];

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The loaded history as CSV, newest finished first, through the live export's guards: formula
 * starts defused, a UTF-8 BOM, RFC 4180 line ends. `reason` is the engine's word on the last step.
 */
export function historyToCsv(orders: readonly Order[]): string {
  return csvDocument(
    HEADER,
    orders.map((o) => [
      o.client_order_id,
      o.order_id,
      o.status,
      o.history[o.history.length - 1]?.reason ?? null,
      o.symbol,
      o.side,
      o.size_usd,
      o.fill_pct,
      o.filled_size,
      o.filled_value,
      o.avg_price,
      o.fees,
      o.engine,
      o.route,
      iso(o.created_at),
      iso(o.completed_at),
      iso(o.last_update_at),
    ]),
  );
}
