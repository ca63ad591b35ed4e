import type { BookScan } from './book-scan';
import { scanBook } from './book-scan';
import type { Dashboard } from './dashboard-store';
import { perDashboard } from './per-dashboard';
import type { StaleThresholds } from './stale-rules';

/** A scan may take at most this share of the main thread: a slower one is reused for longer. */
const MAX_BUSY_SHARE = 0.1;
const SECOND_MS = 1000;

/** Browser clock, ms (only differences are used). */
export type Stopwatch = () => number;

/**
 * The page's one book scan, redone on the page's 1 Hz relay clock (the cadence the age timers
 * already tick at) and at once for a new book from a snapshot. Cells update every frame on their
 * own; row order, new rows, stale sets and counts follow the scan. Every view that asks within
 * one clock second gets the same scan.
 */
export interface ScanFeed {
  /** Notified when views must look again at once (a new book). */
  readonly subscribe: (listener: () => void) => () => void;
  readonly generation: () => number;
  /** The scan for these limits as of `relayNow` (the 1 Hz clock's value). */
  readonly scan: (thresholds: StaleThresholds, relayNow: number) => BookScan;
  readonly dispose: () => void;
}

function sameLimits(a: StaleThresholds, b: StaleThresholds): boolean {
  return a.staleAfterSec === b.staleAfterSec && a.newAckSec === b.newAckSec && a.openNoFillSec === b.openNoFillSec && a.partialNoFillSec === b.partialNoFillSec;
}

export function createScanFeed(dashboard: Dashboard, stopwatch: Stopwatch = () => performance.now()): ScanFeed {
  const listeners = new Set<() => void>();
  let generation = 0;
  let cached: { readonly scan: BookScan; readonly generation: number; readonly at: number; readonly costMs: number } | null = null;

  const offReset = dashboard.onReset(() => {
    generation++;
    for (const listener of listeners) listener();
  });

  const reusable = (thresholds: StaleThresholds, relayNow: number): BookScan | null => {
    if (cached === null || cached.generation !== generation) return null;
    const { scan } = cached;
    if (scan.book !== dashboard.book() || !sameLimits(scan.thresholds, thresholds)) return null;
    if (Math.floor(scan.now / SECOND_MS) === Math.floor(relayNow / SECOND_MS)) return scan;
    // A book so big that one scan costs more than a tenth of a second is rescanned less often.
    return stopwatch() - cached.at < cached.costMs / MAX_BUSY_SHARE ? scan : null;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    generation: () => generation,
    scan(thresholds, relayNow) {
      const hit = reusable(thresholds, relayNow);
      if (hit !== null) return hit;
      const started = stopwatch();
      const scan = scanBook(dashboard.book(), relayNow, thresholds);
      const at = stopwatch();
      cached = { scan, generation, at, costMs: at - started };
      return scan;
    },
    dispose() {
      offReset();
      listeners.clear();
    },
  };
}

/** The dashboard's shared scan feed, made on first use. */
export const scanFeedFor = perDashboard((dashboard) => createScanFeed(dashboard));
