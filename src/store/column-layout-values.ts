import type { SortKey } from './order-sort-keys';
import { isSortKey } from './order-sort-keys';

/**
 * How the order table is laid out (issue 17): column order, widths an operator dragged, and the
 * columns pinned at the start (they stay in view while the table scrolls sideways). The values
 * and their URL form live here, apart from the store that keeps them, so the view's URL parser
 * can read a layout without importing that store.
 */
export interface ColumnLayout {
  /** Every column id, in display order; empty: the table's own order. */
  readonly order: readonly SortKey[];
  /** Widths in px the operator set; a column without one keeps its flexible track. */
  readonly widths: Readonly<Partial<Record<SortKey, number>>>;
  /** Pinned at the start, in this order. */
  readonly pinned: readonly SortKey[];
}

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 800;

export const DEFAULT_LAYOUT: ColumnLayout = { order: [], widths: {}, pinned: [] };

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
}

/** Known column ids, each once, in the order given. */
export function layoutIds(value: unknown): SortKey[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is SortKey => typeof v === 'string' && isSortKey(v)))] : [];
}

/** Widths of known columns (clamped); anything else is dropped. */
export function layoutWidths(entries: Iterable<readonly [string, unknown]>): Partial<Record<SortKey, number>> {
  const widths: Partial<Record<SortKey, number>> = {};
  for (const [id, w] of entries) if (isSortKey(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = clampWidth(w);
  return widths;
}

/**
 * The layout's URL parameters: `cols` (the unpinned columns' order), `pin` (the pinned ones) and
 * `widths` (`id:px`, comma-separated). A saved view or a shared link carries all three, so it
 * shows the columns as they were saved; a URL with none of them leaves the browser's own layout.
 */
export const LAYOUT_PARAMS = ['cols', 'pin', 'widths'] as const;

/** The layout a URL names, or null when it names none. */
export function readLayoutQuery(q: URLSearchParams): ColumnLayout | null {
  if (!LAYOUT_PARAMS.some((name) => q.has(name))) return null;
  const list = (name: string): string[] => (q.get(name) ?? '').split(',').filter((s) => s !== '');
  const widths = list('widths').flatMap((item): [string, number][] => {
    const match = /^(.+):(\d{1,4})$/.exec(item);
    return match === null ? [] : [[match[1]!, Number(match[2])]];
  });
  return { order: layoutIds(list('cols')), pinned: layoutIds(list('pin')), widths: layoutWidths(widths) };
}

/** Writes `layout` as the URL's parameters, or removes them for null. */
export function writeLayoutQuery(q: URLSearchParams, layout: ColumnLayout | null): void {
  if (layout === null) {
    for (const name of LAYOUT_PARAMS) q.delete(name);
    return;
  }
  // Pinned columns are placed by `pin` alone; an order may still name one pinned after it was made.
  q.set('cols', layout.order.filter((id) => !layout.pinned.includes(id)).join(','));
  q.set('pin', layout.pinned.join(','));
  const widths = Object.entries(layout.widths).map(([id, px]) => `${id}:${px}`);
  q.set('widths', widths.sort().join(','));
}
