import type { OrderBook } from '../core/book';
import type { StaleThresholds } from './stale-rules';
import { countStale } from './stale-rules';

/**
 * A count younger than this (browser clock) is reused: the title, the header and the tiles each
 * asked for a full scan. Longer than the table's re-derive interval (250 ms or more), so the
 * count its filter pass records is the one reused.
 */
export const STALE_COUNT_REUSE_MS = 500;

interface Entry {
  thresholds: StaleThresholds;
  at: number;
  count: number;
}

const cache = new WeakMap<OrderBook, Entry>();

/** Each component memoizes its own thresholds object: compare the limits, not the object. */
function sameLimits(a: StaleThresholds, b: StaleThresholds): boolean {
  return a.staleAfterSec === b.staleAfterSec && a.newAckSec === b.newAckSec && a.openNoFillSec === b.openNoFillSec && a.partialNoFillSec === b.partialNoFillSec;
}

/** Records a count some other full pass already made (the table's filter pass counts stale orders too). */
export function rememberStaleCount(book: OrderBook, thresholds: StaleThresholds, browserNow: number, count: number): void {
  cache.set(book, { thresholds, at: browserNow, count });
}

/**
 * `countStale` shared by every view of one book: a 100k-order scan runs at most once per
 * 500 ms whoever asks (the figure shown lags by at most that; the 1 Hz clock moves ages anyway).
 * A new book (snapshot) or other limits recount at once.
 */
export function sharedStaleCount(book: OrderBook, relayNow: number, thresholds: StaleThresholds, browserNow: number): number {
  const hit = cache.get(book);
  const age = hit === undefined ? -1 : browserNow - hit.at;
  if (hit !== undefined && age >= 0 && age < STALE_COUNT_REUSE_MS && sameLimits(hit.thresholds, thresholds)) return hit.count;
  const count = countStale(book, relayNow, thresholds);
  rememberStaleCount(book, thresholds, browserNow, count);
  return count;
}
