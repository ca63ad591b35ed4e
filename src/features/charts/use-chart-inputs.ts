import { useMemo } from 'react';
import type { Status } from '../../core/status';
import { useDashboard } from '../../store/dashboard-context';
import type { DashboardStats } from '../../store/stats';
import { useStats } from '../../store/stats-hook';
import { useThemeColors } from './theme-colors';

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
  const colors = useThemeColors();
  return useMemo(() => ({ stats, counts: { ...dashboard.book().byStatus }, colors }), [dashboard, stats, colors]);
}
