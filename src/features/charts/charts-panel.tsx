import { ExecutionQuality } from './execution-quality';
import { StatusBreakdownChart } from './status-breakdown-chart';
import { ThroughputChart } from './throughput-chart';
import { useChartInputs } from './use-chart-inputs';
import './charts.css';

/** Status breakdown, throughput over the last hour and execution quality, side by side. */
export function ChartsPanel() {
  const { stats, counts, colors } = useChartInputs();
  return (
    <div className="ow-charts">
      <section className="ow-card" aria-labelledby="ow-chart-status">
        <h2 id="ow-chart-status" className="ow-card__title">Orders by status</h2>
        <StatusBreakdownChart counts={counts} colors={colors} />
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-throughput">
        <h2 id="ow-chart-throughput" className="ow-card__title">Throughput per minute · last 60 min</h2>
        <ThroughputChart points={stats.throughput} colors={colors} />
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-quality">
        <h2 id="ow-chart-quality" className="ow-card__title">Execution quality · last 60 min</h2>
        <ExecutionQuality stats={stats} />
      </section>
    </div>
  );
}
