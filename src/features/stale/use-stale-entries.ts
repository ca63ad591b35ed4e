import { useMemo } from 'react';
import { useDashboard } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';
import type { StaleTop } from '../../store/stale-rules';
import { listStaleTop } from '../../store/stale-rules';
import { useStaleThresholds } from '../../store/view-params';

/** The worst `limit` stale orders and the total, recomputed on the page's 1 Hz relay clock (or when limits change). */
export function useStaleEntries(limit: number): StaleTop {
  const dashboard = useDashboard();
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  return useMemo(() => listStaleTop(dashboard.book(), now, thresholds, limit), [dashboard, now, thresholds, limit]);
}
