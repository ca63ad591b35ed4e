import { useSyncExternalStore } from 'react';
import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { STATUS_LOOK } from '../../components/status-palette';
import { statusColors } from './chart-colors';

type Colors = Readonly<Record<Status, string>>;

/** The palette's own colours (the dark theme's), until the page's theme has been read. */
const FALLBACK: Colors = Object.fromEntries(STATUSES.map((s) => [s, STATUS_LOOK[s].color])) as Record<Status, string>;

let current: { readonly theme: string | undefined; readonly colors: Colors } | null = null;
const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

/** Reads the theme's colours (a style pass): on subscribe and when `data-theme` changes, never in render. */
function refresh(): void {
  const root = document.documentElement;
  const theme = root.dataset.theme;
  if (current !== null && current.theme === theme) return;
  current = { theme, colors: statusColors(root) };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (observer === null && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  refresh();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    observer?.disconnect();
    observer = null;
  };
}

const snapshot = (): Colors => current?.colors ?? FALLBACK;

/** The status colours of the page's theme, for SVG fills; follows a theme switch at once. */
export function useThemeColors(): Colors {
  return useSyncExternalStore(subscribe, snapshot, () => FALLBACK);
}
