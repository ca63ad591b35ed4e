import { StatusBreakdownChart } from './status-breakdown-chart';
import { useChartInputs } from './use-chart-inputs';
import './charts.css';

/** The status breakdown alone, fed from the store (the wall display uses it). */
export function StatusBreakdownLive({ variant = 'main' }: { readonly variant?: 'main' | 'wall' }) {
  const { counts, colors } = useChartInputs();
  return <StatusBreakdownChart counts={counts} colors={colors} variant={variant} />;
}
