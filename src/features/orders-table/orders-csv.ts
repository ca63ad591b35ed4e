import type { Order } from '../../core/order';
import type { StaleThresholds } from '../../store/stale-rules';
import { staleReason } from '../../store/stale-rules';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (leading = + - @, tab or CR)
 * gets a leading apostrophe; fields with a comma, quote or line break are quoted.
 * Numbers are written as numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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

/** The view as CSV (RFC 4180 line ends), one row per order in the given order. */
export function ordersToCsv(orders: readonly Order[], now: number, thresholds: StaleThresholds): string {
  const lines = [HEADER.join(',')];
  for (const o of orders) {
    const fields: (string | number | null)[] = [
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
      Math.round((now - o.created_at) / 1000),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
