import { useMemo } from 'react';
import type { Status } from '../../core/status';
import { useDashboard } from '../../store/dashboard-context';
import type { DashboardStats } from '../../store/stats';
import { useStats } from '../../store/stats-hook';
import { statusColors } from './chart-colors';

export interface ChartInputs {
  readonly stats: DashboardStats;
  /** A copy of the book's per-status counts, taken at the stats tick (about 1 Hz). */
  readonly counts: Readonly<Record<Status, number>>;
  readonly colors: Readonly<Record<Status, string>>;
}

/** Everything the charts draw, changing once a second however fast events arrive. */
export function useChartInputs(): ChartInputs {
  const dashboard = useDashboard();
  const stats = useStats();
  // Reading computed styles forces a style pass: only when the theme changes (the charts
  // re-render once a second, so a switch shows within that).
  const theme = typeof document === 'undefined' ? '' : (document.documentElement.dataset.theme ?? '');
  const colors = useMemo(() => {
    void theme;
    return statusColors();
  }, [theme]);
  return useMemo(() => ({ stats, counts: { ...dashboard.book().byStatus }, colors }), [dashboard, stats, colors]);
}
