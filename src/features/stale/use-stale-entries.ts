import { useMemo } from 'react';
import { useDashboard } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';
import type { StaleEntry } from '../../store/stale-rules';
import { listStale } from '../../store/stale-rules';
import { useStaleThresholds } from '../../store/view-params';

/** Stale orders worst first, recomputed on the page's 1 Hz relay clock (or when limits change). */
export function useStaleEntries(): readonly StaleEntry[] {
  const dashboard = useDashboard();
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  return useMemo(() => listStale(dashboard.book(), now, thresholds), [dashboard, now, thresholds]);
}
