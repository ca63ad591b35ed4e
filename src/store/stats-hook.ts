import { useSyncExternalStore } from 'react';
import { useDashboard } from './dashboard-context';
import type { DashboardStats } from './stats';
import { statsFeedFor } from './stats-feed';

/** Derived figures (throughput, latency, rates), re-rendering the caller about once a second. */
export function useStats(): DashboardStats {
  const feed = statsFeedFor(useDashboard());
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot, feed.getSnapshot);
}
