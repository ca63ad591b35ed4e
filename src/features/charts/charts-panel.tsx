import { useMemo } from 'react';
import { ExecutionQuality } from './execution-quality';
import { StatusBreakdownChart } from './status-breakdown-chart';
import { ThroughputChart } from './throughput-chart';
import { useChartInputs } from './use-chart-inputs';
import './charts.css';

/** Status breakdown, throughput over the last hour and execution quality, side by side. */
/** The per-minute line chart is redrawn this often: its points are minutes, and each redraw is the panel's biggest cost. */
const THROUGHPUT_REDRAW_MS = 5_000;

export function ChartsPanel() {
  const { stats, counts, colors } = useChartInputs();
  const slot = Math.floor(stats.at / THROUGHPUT_REDRAW_MS);
  // Keyed by the 5 s slot, not by every 1 Hz stats object.
  const throughput = useMemo(() => {
    void slot;
    return <ThroughputChart points={stats.throughput} colors={colors} />;
  }, [slot, colors]);
  return (
    <div className="ow-charts">
      <section className="ow-card" aria-labelledby="ow-chart-status">
        <h2 id="ow-chart-status" className="ow-card__title">Orders by status</h2>
        <StatusBreakdownChart counts={counts} colors={colors} />
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-throughput">
        <h2 id="ow-chart-throughput" className="ow-card__title">Throughput per minute · last 60 min</h2>
        {throughput}
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-quality">
        <h2 id="ow-chart-quality" className="ow-card__title">Execution quality · last 60 min</h2>
        <ExecutionQuality stats={stats} />
      </section>
    </div>
  );
}
