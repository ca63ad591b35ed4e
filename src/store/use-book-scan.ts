import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { BookScan } from './book-scan';
import { useDashboard } from './dashboard-context';
import { useRelayClock } from './relay-clock';
import { scanFeedFor } from './scan-feed';
import { useStaleThresholds } from './use-view-params';

/**
 * The page's shared book scan under the stale limits in force. Each tick of the 1 Hz clock asks
 * for a fresh one, made in slices between frames; the caller re-renders when it is done (and on
 * a new book or other limits), not on the tick itself.
 */
export function useBookScan(): BookScan {
  const feed = scanFeedFor(useDashboard());
  const clock = useRelayClock();
  const thresholds = useStaleThresholds();
  // The scan itself is the store's value: the feed keeps one per book and limits, so it is stable.
  const current = useCallback(() => feed.current(thresholds, clock.now()), [feed, thresholds, clock]);
  const scan = useSyncExternalStore(feed.subscribe, current, current);
  useEffect(() => {
    feed.request(thresholds, clock.now());
    return clock.subscribe(() => feed.request(thresholds, clock.now()));
  }, [feed, clock, thresholds]);
  return scan;
}
