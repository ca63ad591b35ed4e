/** Columns the order table can sort by; the URL's `sort=` names them, most significant first, comma-separated (each prefixed '-' for descending). */
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

/** Column sorts, most significant first (shift+click adds one); empty: the default order. */
export type SortSpecs = readonly SortSpec[];

/** At most this many columns sort together: more adds nothing an operator can see. */
export const MAX_SORTS = 3;

/** `-age,symbol` → age descending, then symbol; unknown and repeated keys are dropped. */
export function parseSorts(raw: string): SortSpecs {
  const specs: SortSpec[] = [];
  for (const part of raw.split(',')) {
    const desc = part.startsWith('-');
    const key = desc ? part.slice(1) : part;
    if (isSortKey(key) && !specs.some((s) => s.key === key) && specs.length < MAX_SORTS) specs.push({ key, desc });
  }
  return specs;
}

export function formatSorts(specs: SortSpecs): string | null {
  return specs.length === 0 ? null : specs.map((s) => `${s.desc ? '-' : ''}${s.key}`).join(',');
}

const KEY_SET: ReadonlySet<string> = new Set(SORT_KEYS);

export function isSortKey(value: string): value is SortKey {
  return KEY_SET.has(value);
}
