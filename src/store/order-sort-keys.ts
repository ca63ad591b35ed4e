/** Columns the order table can sort by; the URL's `sort=` names one (prefixed '-' for descending). */
export const SORT_KEYS = [
  'age',
  'status',
  'symbol',
  'side',
  'size_usd',
  'fill_pct',
  'filled_value',
  'avg_price',
  'fees',
  'client_order_id',
  'order_id',
  'engine',
  'route',
  'last_update_at',
] as const;

export type SortKey = (typeof SORT_KEYS)[number];

export interface SortSpec {
  readonly key: SortKey;
  readonly desc: boolean;
}

const KEY_SET: ReadonlySet<string> = new Set(SORT_KEYS);

export function isSortKey(value: string): value is SortKey {
  return KEY_SET.has(value);
}
