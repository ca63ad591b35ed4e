import { useMemo, useSyncExternalStore } from 'react';
import type { SortKey } from './order-sort-keys';
import { isSortKey } from './order-sort-keys';
import { createStoredChoice } from './stored-choice';
import { isNarrowViewport, NARROW_HIDDEN } from './narrow-defaults';
import { readViewParams, subscribeViewParams, updateViewParams } from './view-url';

const NONE: ReadonlySet<SortKey> = new Set();

/** Hidden column ids as stored; anything unreadable or unknown is ignored; nothing stored: `fallback`. */
export function parseHiddenColumns(raw: string | null, fallback: ReadonlySet<SortKey> = NONE): ReadonlySet<SortKey> {
  if (raw === null) return fallback;
  try {
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? value.filter((v): v is SortKey => typeof v === 'string' && isSortKey(v)) : []);
  } catch {
    return NONE;
  }
}

// A browser with no choice of its own starts with the narrow screen's set when the window is narrow.
const hiddenColumns = createStoredChoice<ReadonlySet<SortKey>>(
  'orderwatch.hidden-columns',
  (raw) => parseHiddenColumns(raw, isNarrowViewport() ? new Set(NARROW_HIDDEN) : NONE),
  (hidden) => JSON.stringify([...hidden].sort()),
);

/**
 * Hides columns: in the URL when it names them (a saved view or a shared link, which must keep
 * showing what it was saved with), else for this browser, kept across reloads and followed by
 * its other tabs.
 */
export function setHiddenColumns(hidden: Iterable<SortKey>): void {
  if (readViewParams().hiddenColumns !== null) updateViewParams({ hiddenColumns: [...hidden] });
  else hiddenColumns.set(new Set(hidden));
}

const readFromUrl = (): string | null => readViewParams().hiddenColumns?.join(',') ?? null;

/** The columns hidden now (the same set object until it changes): the URL's, else this browser's. */
export function useHiddenColumns(): ReadonlySet<SortKey> {
  const stored = useSyncExternalStore(hiddenColumns.subscribe, hiddenColumns.read, () => NONE);
  // As a string, so another URL change (a filter) does not make a new set and re-lay the columns.
  const fromUrl = useSyncExternalStore(subscribeViewParams, readFromUrl, () => null);
  return useMemo(
    () => (fromUrl === null ? stored : new Set(fromUrl === '' ? [] : fromUrl.split(',').filter(isSortKey))),
    [fromUrl, stored],
  );
}
