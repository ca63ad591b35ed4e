import type { ReactNode } from 'react';
import { useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { HistoryContext } from './history-context-value';
import type { HistoryFilters } from './history-params';
import { parseHistoryFilters, writeHistoryFilters } from './history-params';
import type { HistoryLookup, HistoryState, HistoryStore } from './history-store';
import { subscribeViewParams, updateQuery } from './view-url';

export function HistoryProvider({ history, children }: { readonly history: HistoryStore; readonly children: ReactNode }) {
  return <HistoryContext.Provider value={history}>{children}</HistoryContext.Provider>;
}

/** The page's history store; null where none is provided (a page or test without a journal to ask). */
export function useHistoryStore(): HistoryStore | null {
  return useContext(HistoryContext);
}

// Subscribed to where no history store is provided, so the hooks below keep one call order.
const NO_HISTORY = createStore<HistoryState | null>()(() => null);

/** A narrow slice of the history state; `fallback` where no history store is provided. */
export function useHistoryState<T>(selector: (state: HistoryState) => T, fallback: T): T {
  const history = useHistoryStore();
  const store: typeof NO_HISTORY = history?.store ?? NO_HISTORY;
  return useStore(store, (s) => (s === null ? fallback : selector(s)));
}

/**
 * The order `id` from history, looked up once `wanted` (the live book does not have it). null while
 * not wanted or where the page has no history store.
 */
export function useHistoryLookup(id: string, wanted: boolean): { readonly lookup: HistoryLookup | null; readonly retry: () => void } {
  const history = useHistoryStore();
  // Asked again each time the panel opens on it: a miss from earlier may have finished since.
  useEffect(() => {
    if (wanted) history?.lookup(id, true);
  }, [history, id, wanted]);
  const lookup = useHistoryState((s) => s.lookups[id] ?? null, null);
  const retry = useCallback(() => history?.lookup(id, true), [history, id]);
  return { lookup: wanted ? lookup : null, retry };
}

let cachedSearch: string | null = null;
let cachedFilters: HistoryFilters = parseHistoryFilters('');
function readHistoryFilters(): HistoryFilters {
  const search = typeof window === 'undefined' ? '' : window.location.search;
  if (search !== cachedSearch) {
    cachedSearch = search;
    cachedFilters = parseHistoryFilters(search);
  }
  return cachedFilters;
}

/** The History view's filters in the URL, and their writer (replaceState, like every view parameter). */
export function useHistoryFilters(): [HistoryFilters, (patch: Partial<HistoryFilters>) => void] {
  const filters = useSyncExternalStore(subscribeViewParams, readHistoryFilters, readHistoryFilters);
  const update = useCallback((patch: Partial<HistoryFilters>) => updateQuery((search) => writeHistoryFilters(search, patch)), []);
  return [filters, update];
}
