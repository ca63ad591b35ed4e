import type { Order } from '../../core/order';
import type { StaleThresholds } from '../../core/stale-rules';
import { staleReason } from '../../core/stale-rules';

/**
 * What a spreadsheet may run as a formula: = + - @ (or their fullwidth forms, which some
 * spreadsheets fold to ASCII), even behind whitespace or invisible characters it strips first;
 * or a leading tab or CR.
 */
const FORMULA_START = /^(?:[\s\u00AD\u200B-\u200F\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/u;

/** Tells Excel the file is UTF-8; without it, non-ASCII symbols and reasons come out garbled. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field. Text that a spreadsheet would run as a formula gets a leading apostrophe;
 * fields with a comma, quote or line break are quoted.
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

/** The view as CSV (RFC 4180 line ends, a UTF-8 BOM first), one row per order in the given order. */
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
      // A created_at ahead of this clock (an engine's clock ahead) is age 0, never negative.
      Math.max(0, Math.round((now - o.created_at) / 1000)),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
