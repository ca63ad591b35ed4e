import { useMemo } from 'react';
import { ACTIVE_STATUSES } from '../../core/status';
import { useDashboard } from '../../store/dashboard-context';
import { useStats } from '../../store/stats-hook';
import { useBookScan } from '../../store/use-book-scan';
import type { SummaryFigures } from './summary-tiles';

/**
 * The tile figures, recomputed with the page's shared scan (1 Hz clock, at most twice a second
 * while events stream) and the 1 Hz stats, never per event.
 */
export function useSummaryFigures(): SummaryFigures {
  const dashboard = useDashboard();
  const scan = useBookScan();
  const stats = useStats();
  return useMemo(() => {
    const book = dashboard.book();
    let active = 0;
    for (const s of ACTIVE_STATUSES) active += book.byStatus[s];
    return {
      active,
      stale: scan.stale.length,
      partial: book.byStatus.PARTIAL_FILL,
      filled15: stats.last15.filled,
      rejected15: stats.last15.rejected,
      failed15: stats.last15.failed,
      anomalies: book.anomalyTotal,
      feedLagMs: dashboard.store.getState().feed.lagMs,
    };
  }, [dashboard, scan, stats]);
}
