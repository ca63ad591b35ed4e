import { useMemo, useState } from 'react';
import { ExecutionQuality } from './execution-quality';
import { StatusBreakdownChart } from './status-breakdown-chart';
import { ThroughputChart } from './throughput-chart';
import { useChartInputs } from './use-chart-inputs';
import { useTimeZone } from '../../store/time-zone';
import './charts.css';

/** Status breakdown, throughput over the last hour and execution quality, side by side. */
/** The per-minute line chart is redrawn this often: its points are minutes, and each redraw is the panel's biggest cost. */
const THROUGHPUT_REDRAW_MS = 5_000;

export function ChartsPanel() {
  const { stats, counts, colors } = useChartInputs();
  // Held for the 5 s slot, not taken from every 1 Hz stats object.
  const points = useHeldPerSlot(stats.throughput, Math.floor(stats.at / THROUGHPUT_REDRAW_MS));
  const zone = useTimeZone();
  const throughput = useMemo(() => <ThroughputChart points={points} colors={colors} zone={zone} />, [points, colors, zone]);
  return (
    <div className="ow-charts">
      <section className="ow-card" aria-labelledby="ow-chart-status">
        <h2 id="ow-chart-status" className="ow-card__title">
          Orders by status
        </h2>
        <StatusBreakdownChart counts={counts} colors={colors} />
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-throughput">
        <h2 id="ow-chart-throughput" className="ow-card__title">
          Throughput per minute · last 60 min
        </h2>
        {throughput}
      </section>
      <section className="ow-card" aria-labelledby="ow-chart-quality">
        <h2 id="ow-chart-quality" className="ow-card__title">
          Execution quality · last 60 min
        </h2>
        <ExecutionQuality stats={stats} />
      </section>
    </div>
  );
}

/** `value` as it was when `slot` last changed: the same reference until the next slot. */
function useHeldPerSlot<T>(value: T, slot: number): T {
  const [held, setHeld] = useState({ slot, value });
  if (held.slot === slot) return held.value;
  // Adjusting state while rendering (React's pattern for state derived from props): no extra pass.
  setHeld({ slot, value });
  return value;
}
