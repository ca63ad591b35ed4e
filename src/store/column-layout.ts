import { useMemo, useSyncExternalStore } from 'react';
import type { ColumnLayout } from './column-layout-values';
import { clampWidth, DEFAULT_LAYOUT, layoutIds, layoutWidths } from './column-layout-values';
import type { SortKey } from './order-sort-keys';
import { SORT_KEYS } from './order-sort-keys';
import { createStoredChoice } from './stored-choice';
import { isNarrowViewport, NARROW_PINNED } from './narrow-defaults';
import { readViewParams, subscribeViewParams, updateViewParams } from './view-url';

/** A stored layout; anything unreadable is dropped; nothing stored: `fallback`. */
export function parseColumnLayout(raw: string | null, fallback: ColumnLayout = DEFAULT_LAYOUT): ColumnLayout {
  if (raw === null) return fallback;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ColumnLayout, unknown>> | null;
    if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
    const widths = typeof value.widths === 'object' && value.widths !== null ? layoutWidths(Object.entries(value.widths)) : {};
    return { order: layoutIds(value.order), widths, pinned: layoutIds(value.pinned) };
  } catch {
    return DEFAULT_LAYOUT;
  }
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

/** The layout in force: the URL's when it names one (a saved view, a shared link), else this browser's. */
function current(): ColumnLayout {
  return readViewParams().columnLayout ?? layout.read();
}

/** Changes the layout where it is kept: in the URL when the URL names one, else for this browser. */
function keep(next: ColumnLayout): void {
  if (readViewParams().columnLayout !== null) updateViewParams({ columnLayout: next });
  else layout.set(next);
}

/**
 * The layout while a column's edge is dragged: the table follows every pointer move, and the
 * layout is kept once, when the drag ends. One write per move would, for a layout in the URL,
 * re-read the view and re-filter the book each time (and Chromium ignores history updates past
 * 200 in 10 s); for this browser's, rewrite localStorage each time.
 */
let dragged: ColumnLayout | null = null;
const dragListeners = new Set<() => void>();
const subscribeDrag = (listener: () => void): (() => void) => {
  dragListeners.add(listener);
  return () => dragListeners.delete(listener);
};
const setDragged = (next: ColumnLayout | null): void => {
  dragged = next;
  for (const listener of dragListeners) listener();
};

// As text, so another URL change (a filter) does not make a new layout and re-lay the columns.
const urlLayoutText = (): string | null => {
  const fromUrl = readViewParams().columnLayout;
  return fromUrl === null ? null : JSON.stringify(fromUrl);
};

/**
 * How the order table is laid out now, kept like the hidden columns: in the URL when it names a
 * layout, else in localStorage, followed by this browser's other tabs; during a drag, the drag's.
 */
export function useColumnLayout(): ColumnLayout {
  const stored = useSyncExternalStore(layout.subscribe, layout.read, () => DEFAULT_LAYOUT);
  const fromUrl = useSyncExternalStore(subscribeViewParams, urlLayoutText, () => null);
  const drag = useSyncExternalStore(
    subscribeDrag,
    () => dragged,
    () => null,
  );
  // The text only tells when the URL's layout changed; the layout itself is the parsed URL's.
  return useMemo(() => drag ?? (fromUrl === null ? stored : (readViewParams().columnLayout ?? stored)), [drag, fromUrl, stored]);
}

export function updateColumnLayout(patch: Partial<ColumnLayout>): void {
  keep({ ...current(), ...patch });
}

const withWidth = (l: ColumnLayout, id: SortKey, px: number | null): ColumnLayout => {
  const widths = { ...l.widths };
  if (px === null) delete widths[id];
  else widths[id] = clampWidth(px);
  return { ...l, widths };
};

/** Sets one column's width (clamped), or gives it back its flexible track with null. */
export function setColumnWidth(id: SortKey, px: number | null): void {
  keep(withWidth(current(), id, px));
}

/** A pointer drag moved `id`'s edge to `px`: shown at once, kept when `endColumnDrag` is called. */
export function dragColumnWidth(id: SortKey, px: number): void {
  setDragged(withWidth(dragged ?? current(), id, px));
}

/** The drag ended (or the browser cancelled it): its last width is kept where the layout lives. */
export function endColumnDrag(): void {
  if (dragged === null) return;
  const next = dragged;
  // Kept before the drag's layout is dropped, so the table never shows the old width in between.
  keep(next);
  setDragged(null);
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
  keep(moveInLayout(current(), id, by));
}

export function toggleColumnPin(id: SortKey): void {
  keep(togglePin(current(), id));
}

export function resetColumnLayout(): void {
  keep(DEFAULT_LAYOUT);
}
