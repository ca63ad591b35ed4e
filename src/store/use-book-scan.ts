import { useMemo, useSyncExternalStore } from 'react';
import type { BookScan } from './book-scan';
import { useDashboard } from './dashboard-context';
import { useRelayNow } from './relay-clock';
import { scanFeedFor } from './scan-feed';
import { useStaleThresholds } from './view-params';

/**
 * The page's shared book scan under the stale limits in force: re-rendering the caller on the
 * 1 Hz clock, on a new book, and at most twice a second while events stream.
 */
export function useBookScan(): BookScan {
  const feed = scanFeedFor(useDashboard());
  const generation = useSyncExternalStore(feed.subscribe, feed.generation, feed.generation);
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  return useMemo(() => {
    void generation;
    return feed.scan(thresholds, now);
  }, [feed, generation, thresholds, now]);
}
