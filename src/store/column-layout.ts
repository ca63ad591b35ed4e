import { useSyncExternalStore } from 'react';
import type { SortKey } from './order-sort-keys';
import { isSortKey, SORT_KEYS } from './order-sort-keys';
import { createStoredChoice } from './stored-choice';
import { isNarrowViewport, NARROW_PINNED } from './narrow-defaults';

/**
 * How this browser lays out the order table (issue 17): column order, widths an operator dragged,
 * and the columns pinned at the start (they stay in view while the table scrolls sideways).
 * Kept like the hidden columns: localStorage, followed by other tabs.
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

const ids = (value: unknown): SortKey[] =>
  Array.isArray(value) ? [...new Set(value.filter((v): v is SortKey => typeof v === 'string' && isSortKey(v)))] : [];

/** A stored layout; anything unreadable is dropped; nothing stored: `fallback`. */
export function parseColumnLayout(raw: string | null, fallback: ColumnLayout = DEFAULT_LAYOUT): ColumnLayout {
  if (raw === null) return fallback;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ColumnLayout, unknown>> | null;
    if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
    const widths: Partial<Record<SortKey, number>> = {};
    if (typeof value.widths === 'object' && value.widths !== null) {
      for (const [id, w] of Object.entries(value.widths as Record<string, unknown>)) {
        if (isSortKey(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = clampWidth(w);
      }
    }
    return { order: ids(value.order), widths, pinned: ids(value.pinned) };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, px)));
}

/** Every column once, as shown: the pinned ones first, then the chosen order (columns it does not name keep their place at the end). */
export function displayOrder(l: ColumnLayout): SortKey[] {
  const rest = [...l.order, ...SORT_KEYS.filter((id) => !l.order.includes(id))];
  return [...l.pinned, ...rest.filter((id) => !l.pinned.includes(id))];
}

/** `order` (every id once) with `id` moved `by` places, staying in bounds. */
export function moveColumn(order: readonly SortKey[], id: SortKey, by: number): SortKey[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  const to = Math.min(order.length - 1, Math.max(0, from + by));
  const next = order.filter((c) => c !== id);
  next.splice(to, 0, id);
  return next;
}

const NARROW_LAYOUT: ColumnLayout = { ...DEFAULT_LAYOUT, pinned: NARROW_PINNED };

// A browser with no layout of its own starts with the id pinned when the window is narrow.
const layout = createStoredChoice<ColumnLayout>(
  'orderwatch.column-layout',
  (raw) => parseColumnLayout(raw, isNarrowViewport() ? NARROW_LAYOUT : DEFAULT_LAYOUT),
  (l) => JSON.stringify(l),
);

export function useColumnLayout(): ColumnLayout {
  return useSyncExternalStore(layout.subscribe, layout.read, () => DEFAULT_LAYOUT);
}

export function updateColumnLayout(patch: Partial<ColumnLayout>): void {
  layout.set({ ...layout.read(), ...patch });
}

/** Sets one column's width (clamped), or gives it back its flexible track with null. */
export function setColumnWidth(id: SortKey, px: number | null): void {
  const widths = { ...layout.read().widths };
  if (px === null) delete widths[id];
  else widths[id] = clampWidth(px);
  updateColumnLayout({ widths });
}

/** Moves a column `by` places among its own kind (pinned among pinned, the rest among the rest). */
export function moveInLayout(l: ColumnLayout, id: SortKey, by: number): ColumnLayout {
  if (l.pinned.includes(id)) return { ...l, pinned: moveColumn(l.pinned, id, by) };
  const rest = displayOrder(l).filter((c) => !l.pinned.includes(c));
  return { ...l, order: moveColumn(rest, id, by) };
}

/** Pins a column after the pinned ones, or unpins it back to the first place after them. */
export function togglePin(l: ColumnLayout, id: SortKey): ColumnLayout {
  if (l.pinned.includes(id)) {
    const rest = displayOrder(l).filter((c) => !l.pinned.includes(c));
    return { ...l, pinned: l.pinned.filter((c) => c !== id), order: [id, ...rest] };
  }
  return { ...l, pinned: [...l.pinned, id] };
}

export function moveColumnBy(id: SortKey, by: number): void {
  layout.set(moveInLayout(layout.read(), id, by));
}

export function toggleColumnPin(id: SortKey): void {
  layout.set(togglePin(layout.read(), id));
}

export function resetColumnLayout(): void {
  layout.set(DEFAULT_LAYOUT);
}
