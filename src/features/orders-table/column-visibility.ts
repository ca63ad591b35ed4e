import { useSyncExternalStore } from 'react';
import type { SortKey } from '../../store/order-sort-keys';
import { isSortKey } from '../../store/order-sort-keys';

const KEY = 'orderwatch.hidden-columns';
const NONE: ReadonlySet<SortKey> = new Set();
const listeners = new Set<() => void>();
let current: ReadonlySet<SortKey> | null = null;

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

function fromStorage(): ReadonlySet<SortKey> {
  try {
    return parseHiddenColumns(window.localStorage.getItem(KEY));
  } catch {
    return NONE;
  }
}

const read = (): ReadonlySet<SortKey> => (current ??= fromStorage());

/** Hides columns for this browser, kept across reloads and followed by its other tabs. */
export function setHiddenColumns(hidden: Iterable<SortKey>): void {
  current = new Set(hidden);
  try {
    window.localStorage.setItem(KEY, JSON.stringify([...current].sort()));
  } catch {
    // Private mode: kept for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent): void => {
    if (e.key !== KEY) return;
    current = fromStorage();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The columns this browser hides (the same set object until it changes). */
export function useHiddenColumns(): ReadonlySet<SortKey> {
  return useSyncExternalStore(subscribe, read, () => NONE);
}
