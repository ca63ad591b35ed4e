/**
 * A choice this browser remembers (localStorage), as an external store for
 * `useSyncExternalStore`: read once, the same value object until it changes, followed by the
 * browser's other tabs. Private mode or a full quota keep it for this page only.
 */
export interface StoredChoice<T> {
  readonly read: () => T;
  readonly set: (value: T) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createStoredChoice<T>(key: string, parse: (raw: string | null) => T, format: (value: T) => string): StoredChoice<T> {
  const listeners = new Set<() => void>();
  let current: { value: T } | null = null;
  const fromStorage = (): T => {
    try {
      return parse(window.localStorage.getItem(key));
    } catch {
      return parse(null);
    }
  };
  return {
    read: () => (current ??= { value: fromStorage() }).value,
    set(value) {
      current = { value };
      try {
        window.localStorage.setItem(key, format(value));
      } catch {
        // Kept for this page only.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (e: StorageEvent): void => {
        if (e.key !== key) return;
        current = { value: fromStorage() };
        listener();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}
