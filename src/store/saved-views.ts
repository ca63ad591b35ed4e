import { useSyncExternalStore } from 'react';
import type { ColumnLayout } from './column-layout-values';
import { LAYOUT_PARAMS } from './column-layout-values';
import type { SortKey } from './order-sort-keys';
import { createStoredChoice } from './stored-choice';
import { updateQuery } from './view-url';
import { writeViewParams } from './view-params';

/** A named view (issue 17): filters, sort, stale limits, columns (shown, order, pins, widths) and breakdown as one query string. */
export interface SavedView {
  readonly name: string;
  /** `?status=OPEN&sort=-age&hide=route…`, or '' for the default view. */
  readonly query: string;
}

export const MAX_SAVED_VIEWS = 50;
export const VIEW_NAME_MAX = 64;
const QUERY_MAX = 4096;

/** What a view is not: the order open in the detail, and the access token (never stored, never shared). */
const NOT_PART_OF_A_VIEW = ['order', 'token'];

/** Stored views; anything unreadable is dropped, never thrown. */
export function parseSavedViews(raw: string | null): readonly SavedView[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (v): v is SavedView =>
          typeof v === 'object' &&
          v !== null &&
          typeof (v as SavedView).name === 'string' &&
          (v as SavedView).name.trim() !== '' &&
          (v as SavedView).name.length <= VIEW_NAME_MAX &&
          typeof (v as SavedView).query === 'string' &&
          (v as SavedView).query.length <= QUERY_MAX,
      )
      .slice(0, MAX_SAVED_VIEWS)
      .map((v) => ({ name: v.name, query: v.query }));
  } catch {
    return [];
  }
}

/** The view shown now, as a saved view's query: the URL's view parameters, the columns hidden and their layout. */
export function viewQuery(search: string, hidden: Iterable<SortKey>, columnLayout: ColumnLayout): string {
  const q = new URLSearchParams(writeViewParams(search, { hiddenColumns: [...hidden], columnLayout }));
  for (const name of NOT_PART_OF_A_VIEW) q.delete(name);
  q.sort();
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Whether `view` is what is shown (`current`, from viewQuery). A view saved before views carried
 * the columns' layout names none, and then leaves the layout to the browser: it is shown whatever
 * the layout.
 */
export function isViewShown(view: SavedView, current: string): boolean {
  if (view.query === current) return true;
  const saved = new URLSearchParams(view.query);
  if (LAYOUT_PARAMS.some((name) => saved.has(name))) return false;
  const shown = new URLSearchParams(current);
  for (const name of LAYOUT_PARAMS) shown.delete(name);
  saved.sort();
  return saved.toString() === shown.toString();
}

/** `views` with `view` saved: a view of the same name is replaced where it stands. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const at = views.findIndex((v) => v.name === view.name);
  if (at >= 0) return views.map((v, i) => (i === at ? view : v));
  return [...views, view].slice(-MAX_SAVED_VIEWS);
}

const savedViews = createStoredChoice<readonly SavedView[]>('orderwatch.saved-views', parseSavedViews, (views) => JSON.stringify(views));

export function useSavedViews(): readonly SavedView[] {
  return useSyncExternalStore(savedViews.subscribe, savedViews.read, () => []);
}

export function saveView(view: SavedView): void {
  savedViews.set(withView(savedViews.read(), view));
}

export function deleteView(name: string): void {
  savedViews.set(savedViews.read().filter((v) => v.name !== name));
}

/** Shows `view` exactly: its query replaces the view's parameters; this page's token stays. */
export function applyView(view: SavedView): void {
  updateQuery((search) => {
    const token = new URLSearchParams(search).get('token');
    const q = new URLSearchParams(view.query);
    if (token !== null) q.set('token', token);
    const text = q.toString();
    return text === '' ? '' : `?${text}`;
  });
}

/** A link that opens `view` (on the wall when asked), without this page's token. */
export function viewLink(view: SavedView, base: string, wall = false): string {
  const q = new URLSearchParams(view.query);
  if (wall) q.set('view', 'wall');
  else q.delete('view');
  const text = q.toString();
  return text === '' ? base : `${base}?${text}`;
}
