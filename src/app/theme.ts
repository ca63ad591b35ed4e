export type Theme = 'dark' | 'light';

const KEY = 'orderwatch-theme';

/** The remembered theme; dark unless the user chose light. Storage errors fall back to dark. */
export function loadTheme(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Theme {
  try {
    return storage?.getItem(KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

export function saveTheme(theme: Theme, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, theme);
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}
