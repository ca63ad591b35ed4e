import type { Clock } from '../lib/clock';
import { systemClock } from '../platform/system-clock';
import type { Dashboard } from './dashboard-store';
import { perDashboard } from './per-dashboard';
import type { DashboardStats, StatsAccumulator, StatsOptions } from './stats';
import { createStatsAccumulator } from './stats';

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
  /** Drives publishing (`every`); the system clock by default. */
  readonly ticker?: Pick<Clock, 'every'>;
  /** Runs the rebuild after a snapshot; default: after the next paint, so the table shows first. */
  readonly afterPaint?: (fn: () => void) => void;
}

/** A task after the next frame: work that must not delay the first paint of a new book. */
function browserAfterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(fn, 0);
  else requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * Feeds an accumulator from the dashboard's applied events (and rebuilds it on every snapshot),
 * and publishes its figures at a modest rate, on the relay's clock. Counting runs always; the
 * publishing timer runs only while someone is subscribed.
 */
export function createStatsFeed(dashboard: Dashboard, options: StatsFeedOptions = {}): StatsFeed {
  const acc: StatsAccumulator = createStatsAccumulator(options);
  const ticker = options.ticker ?? systemClock;
  const afterPaint = options.afterPaint ?? browserAfterPaint;
  const publishMs = options.publishMs ?? 1_000;
  const listeners = new Set<() => void>();
  let stopTimer: (() => void) | null = null;

  acc.rebuild(dashboard.book(), dashboard.relayNow());
  let current = acc.snapshot(dashboard.relayNow());
  const offApplied = dashboard.onApplied((_item, result) => acc.applied(result, dashboard.relayNow()));
  // The rebuild walks every order of the new book (a few hundred ms at 100k on a slow machine):
  // it runs after the first paint of that book, so the table and tiles are not held back by the
  // charts. Events applied meanwhile are counted again by the rebuild, which reads the book.
  const offReset = dashboard.onReset((book) => {
    afterPaint(() => {
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

/** One feed per dashboard, created on first use and living as long as the dashboard does. */
export const statsFeedFor = perDashboard((dashboard) => createStatsFeed(dashboard));
