import type { Order } from '../../core/order';
import type { StaleThresholds } from '../../core/stale-rules';
import { staleReason } from '../../core/stale-rules';
import { csvDocument } from '../../lib/csv-field';

const HEADER = [
  'client_order_id',
  'order_id',
  'status',
  'stale',
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
  'last_update_at',
  'age_s',
];

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The view as CSV (RFC 4180 line ends, a UTF-8 BOM first), one row per order in the given order. */
export function ordersToCsv(orders: readonly Order[], now: number, thresholds: StaleThresholds): string {
  const rows = orders.map((o): (string | number | null)[] => [
    o.client_order_id,
    o.order_id,
    o.status,
    staleReason(o, now, thresholds),
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
    iso(o.last_update_at),
    // A created_at ahead of this clock (an engine's clock ahead) is age 0, never negative.
    Math.max(0, Math.round((now - o.created_at) / 1000)),
  ]);
  return csvDocument(HEADER, rows);
}
