import { useSyncExternalStore } from 'react';
import type { SortKey } from '../../store/order-sort-keys';
import { isSortKey } from '../../store/order-sort-keys';
import { createStoredChoice } from '../../store/stored-choice';

const NONE: ReadonlySet<SortKey> = new Set();

/** Hidden column ids as stored; anything unreadable or unknown is ignored. */
export function parseHiddenColumns(raw: string | null): ReadonlySet<SortKey> {
  if (raw === null) return NONE;
  try {
    const value: unknown = JSON.parse(raw);
    return new Set(Array.isArray(value) ? value.filter((v): v is SortKey => typeof v === 'string' && isSortKey(v)) : []);
  } catch {
    return NONE;
  }
}

const hiddenColumns = createStoredChoice<ReadonlySet<SortKey>>('orderwatch.hidden-columns', parseHiddenColumns, (hidden) =>
  JSON.stringify([...hidden].sort()),
);

/** Hides columns for this browser, kept across reloads and followed by its other tabs. */
export function setHiddenColumns(hidden: Iterable<SortKey>): void {
  hiddenColumns.set(new Set(hidden));
}

/** The columns this browser hides (the same set object until it changes). */
export function useHiddenColumns(): ReadonlySet<SortKey> {
  return useSyncExternalStore(hiddenColumns.subscribe, hiddenColumns.read, () => NONE);
}
