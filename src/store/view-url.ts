import type { ViewParams } from './view-params';
import { parseViewParams, writeViewParams } from './view-params';

/**
 * The page's one store over location.search, shared by every hook: a module-global because the
 * URL is one per page.
 */
const listeners = new Set<() => void>();
let cachedSearch: string | null = null;
let cached: ViewParams = parseViewParams('');

/** The view's parameters as the URL holds them now (parsed again only when the URL changed). */
export function readViewParams(): ViewParams {
  const search = typeof window === 'undefined' ? '' : window.location.search;
  if (search !== cachedSearch) {
    cachedSearch = search;
    cached = parseViewParams(search);
  }
  return cached;
}

/** Called when the URL's view parameters may have changed (our writes, back and forward). */
export function subscribeViewParams(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** Writes the URL (replaceState) and tells every subscriber. */
export function updateViewParams(patch: Partial<ViewParams>): void {
  updateQuery((search) => writeViewParams(search, patch));
}

/** Rewrites the query string (replaceState) with `write` and tells every subscriber, when it changed. */
export function updateQuery(write: (search: string) => string): void {
  const { pathname, hash, search } = window.location;
  const next = write(search);
  if (next === search || (next === '' && search === '')) return;
  window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
  notify();
}

/** Moves to another view: a new history entry (pushState), so back returns to where the operator was. */
export function navigateViewParams(patch: Partial<ViewParams>): void {
  const { pathname, hash, search } = window.location;
  const next = writeViewParams(search, patch);
  if (next === search) return;
  window.history.pushState(window.history.state, '', `${pathname}${next}${hash}`);
  notify();
}
