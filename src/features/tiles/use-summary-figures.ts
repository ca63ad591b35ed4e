import { useMemo } from 'react';
import { ACTIVE_STATUSES } from '../../core/status';
import { useDashboard } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';
import { sharedStaleCount } from '../../store/stale-count-cache';
import { useStats } from '../../store/stats-hook';
import { useStaleThresholds } from '../../store/view-params';
import type { SummaryFigures } from './summary-tiles';

/**
 * The tile figures, recomputed on the page's 1 Hz clock (and the 1 Hz stats), never per event:
 * the stale count scans the book once a second.
 */
export function useSummaryFigures(): SummaryFigures {
  const dashboard = useDashboard();
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  const stats = useStats();
  return useMemo(() => {
    const book = dashboard.book();
    let active = 0;
    for (const s of ACTIVE_STATUSES) active += book.byStatus[s];
    return {
      active,
      stale: sharedStaleCount(book, now, thresholds, Date.now()),
      partial: book.byStatus.PARTIAL_FILL,
      filled15: stats.last15.filled,
      rejected15: stats.last15.rejected,
      failed15: stats.last15.failed,
      anomalies: book.anomalyTotal,
      feedLagMs: dashboard.store.getState().feed.lagMs,
    };
  }, [dashboard, now, thresholds, stats]);
}
