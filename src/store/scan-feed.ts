import type { Clock } from '../lib/clock';
import { monotonicClock } from '../platform/system-clock';
import type { BookScan } from './book-scan';
import { ScanJob, scanBook } from './book-scan';
import type { Dashboard } from './dashboard-store';
import { perDashboard } from './per-dashboard';
import type { StaleThresholds } from '../core/stale-rules';

/** A scan may take at most this share of the main thread: a slower one is redone less often. */
const MAX_BUSY_SHARE = 0.1;
const SECOND_MS = 1000;
/** The longest one slice of a scan holds the main thread, ms. */
const SLICE_MS = 4;

/**
 * The page's one book scan, redone each second of the page's 1 Hz relay clock (the cadence the
 * age timers already tick at) in 4 ms slices between frames, and at once for a new book or other
 * stale limits. Cells update every frame on their own; row order, new rows, stale sets and counts
 * follow the scan. Every view sees the same scan, and re-renders once when a newer one is done.
 */
export interface ScanFeed {
  /** Notified when a newer scan is done or the book was replaced. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Moves with every change `subscribe` reports. */
  readonly generation: () => number;
  /** The newest finished scan of this book under these limits; made at once if there is none. */
  readonly current: (thresholds: StaleThresholds, relayNow: number) => BookScan;
  /** Starts a scan as of `relayNow` (the 1 Hz clock's value) unless one for that second is done or under way. */
  readonly request: (thresholds: StaleThresholds, relayNow: number) => void;
  readonly dispose: () => void;
}

function sameLimits(a: StaleThresholds, b: StaleThresholds): boolean {
  return (
    a.staleAfterSec === b.staleAfterSec &&
    a.newAckSec === b.newAckSec &&
    a.openNoFillSec === b.openNoFillSec &&
    a.partialNoFillSec === b.partialNoFillSec
  );
}

/** A scan under way and the main-thread time its slices took so far. */
interface Run {
  readonly job: ScanJob;
  costMs: number;
}

const sameSecond = (a: number, b: number): boolean => Math.floor(a / SECOND_MS) === Math.floor(b / SECOND_MS);

/** `stopwatch` times the slices (only differences are used); slices run in the dashboard's later tasks. */
export function createScanFeed(dashboard: Dashboard, stopwatch: Pick<Clock, 'now'> = monotonicClock): ScanFeed {
  const listeners = new Set<() => void>();
  let generation = 0;
  let disposed = false;
  /** `costMs`: main-thread time the scan took, all slices together; `at`: when it was done. */
  let cached: { readonly scan: BookScan; readonly at: number; readonly costMs: number } | null = null;
  let running: Run | null = null;

  const changed = (): void => {
    generation++;
    for (const listener of listeners) listener();
  };

  const offReset = dashboard.onReset(() => {
    cached = null;
    running = null;
    changed();
  });

  const fits = (scan: BookScan, thresholds: StaleThresholds): boolean =>
    scan.book === dashboard.book() && sameLimits(scan.thresholds, thresholds);

  // Each job's slices carry the job: one replaced meanwhile (other limits) stops its own chain.
  const slice = (run: Run): void => {
    if (disposed || running !== run) return;
    if (run.job.book !== dashboard.book()) {
      running = null;
      return;
    }
    const started = stopwatch.now();
    const done = run.job.step(() => stopwatch.now() - started >= SLICE_MS);
    const ended = stopwatch.now();
    run.costMs += ended - started;
    if (!done) {
      dashboard.later(() => slice(run));
      return;
    }
    running = null;
    cached = { scan: run.job.finish(), at: ended, costMs: run.costMs };
    changed();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    generation: () => generation,
    current(thresholds, relayNow) {
      if (cached !== null && fits(cached.scan, thresholds)) return cached.scan;
      // First use, a new book or other limits: the views need this scan now, not in a few slices.
      running = null;
      const started = stopwatch.now();
      const scan = scanBook(dashboard.book(), relayNow, thresholds);
      const at = stopwatch.now();
      cached = { scan, at, costMs: at - started };
      return scan;
    },
    request(thresholds, relayNow) {
      if (disposed) return;
      if (cached !== null && fits(cached.scan, thresholds)) {
        if (sameSecond(cached.scan.now, relayNow)) return;
        // A book so big that one scan costs more than a tenth of a second is rescanned less often.
        if (stopwatch.now() - cached.at < cached.costMs / MAX_BUSY_SHARE) return;
      }
      // One under way for this book and limits is let finish, even if a second has passed since.
      if (running !== null && running.job.book === dashboard.book() && sameLimits(running.job.thresholds, thresholds)) return;
      const run: Run = { job: new ScanJob(dashboard.book(), relayNow, thresholds), costMs: 0 };
      running = run;
      dashboard.later(() => slice(run));
    },
    dispose() {
      disposed = true;
      running = null;
      offReset();
      listeners.clear();
    },
  };
}

/** The dashboard's shared scan feed, made on first use. */
export const scanFeedFor = perDashboard((dashboard) => createScanFeed(dashboard, dashboard.stopwatch));
