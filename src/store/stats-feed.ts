import type { Dashboard } from './dashboard-store';
import type { DashboardStats, StatsAccumulator, StatsOptions } from './stats';
import { createStatsAccumulator } from './stats';

export interface Ticker {
  /** Calls `fn` every `ms`; returns a function that stops it. */
  readonly every: (ms: number, fn: () => void) => () => void;
}

export const browserTicker: Ticker = {
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

/** Derived figures for React's useSyncExternalStore: a snapshot that changes about once a second. */
export interface StatsFeed {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => DashboardStats;
  /** Recomputes and notifies now (the ticker does this every `publishMs`). */
  readonly publish: () => void;
  readonly dispose: () => void;
}

export interface StatsFeedOptions extends StatsOptions {
  readonly publishMs?: number;
  readonly ticker?: Ticker;
}

/**
 * Feeds an accumulator from the dashboard's applied events (and rebuilds it on every snapshot),
 * and publishes its figures at a modest rate, on the relay's clock. Counting runs always; the
 * publishing timer runs only while someone is subscribed.
 */
export function createStatsFeed(dashboard: Dashboard, options: StatsFeedOptions = {}): StatsFeed {
  const acc: StatsAccumulator = createStatsAccumulator(options);
  const ticker = options.ticker ?? browserTicker;
  const publishMs = options.publishMs ?? 1_000;
  const listeners = new Set<() => void>();
  let stopTimer: (() => void) | null = null;

  acc.rebuild(dashboard.book(), dashboard.relayNow());
  let current = acc.snapshot(dashboard.relayNow());
  const offApplied = dashboard.onApplied((_item, result) => acc.applied(result, dashboard.relayNow()));
  // applySnapshot tells its reset listeners before it stores the relay's clock offset; rebuilding
  // a microtask later (still before the next frame's events) puts the minutes on the right clock.
  const offReset = dashboard.onReset((book) => {
    queueMicrotask(() => {
      if (dashboard.book() !== book) return;
      acc.rebuild(book, dashboard.relayNow());
      publish();
    });
  });

  function publish(): void {
    current = acc.snapshot(dashboard.relayNow());
    for (const listener of listeners) listener();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      stopTimer ??= ticker.every(publishMs, publish);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopTimer !== null) {
          stopTimer();
          stopTimer = null;
        }
      };
    },
    getSnapshot: () => current,
    publish,
    dispose() {
      offApplied();
      offReset();
      stopTimer?.();
      stopTimer = null;
      listeners.clear();
    },
  };
}

const feeds = new WeakMap<Dashboard, StatsFeed>();

/** One feed per dashboard, created on first use and living as long as the dashboard does. */
export function statsFeedFor(dashboard: Dashboard): StatsFeed {
  let feed = feeds.get(dashboard);
  if (feed === undefined) {
    feed = createStatsFeed(dashboard);
    feeds.set(dashboard, feed);
  }
  return feed;
}
