import type { OrderBook } from '../core/book';
import type { StaleThresholds } from './stale-rules';
import { countStale } from './stale-rules';

/** A count younger than this (browser clock) is reused: the title, the header and the tiles each asked for a full scan. */
export const STALE_COUNT_REUSE_MS = 250;

interface Entry {
  thresholds: StaleThresholds;
  at: number;
  count: number;
}

const cache = new WeakMap<OrderBook, Entry>();

/**
 * `countStale` shared by every view of one book: a 100k-order scan runs at most once per
 * 250 ms whoever asks (the figure shown lags by at most that, as the recount interval did).
 * A new book (snapshot) or other limits recount at once.
 */
export function sharedStaleCount(book: OrderBook, relayNow: number, thresholds: StaleThresholds, browserNow: number): number {
  const hit = cache.get(book);
  if (hit !== undefined && hit.thresholds === thresholds && browserNow - hit.at >= 0 && browserNow - hit.at < STALE_COUNT_REUSE_MS) return hit.count;
  const count = countStale(book, relayNow, thresholds);
  cache.set(book, { thresholds, at: browserNow, count });
  return count;
}
