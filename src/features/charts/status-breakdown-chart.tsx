import { Cell, Pie, PieChart, ResponsiveContainer } from 'recharts';
import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { formatCount } from '../../lib/format';
import { StatusLegend } from './status-legend';

export interface StatusBreakdownProps {
  readonly counts: Readonly<Record<Status, number>>;
  readonly colors: Readonly<Record<Status, string>>;
  readonly size?: number;
  readonly variant?: 'main' | 'wall';
}

/**
 * Counts by status as a donut in the badge colours, the total in its middle, and a text legend
 * beside it carrying icon, label, count and share: the numbers never depend on reading colour.
 */
export function StatusBreakdownChart({ counts, colors, size = 168, variant = 'main' }: StatusBreakdownProps) {
  const data = STATUSES.map((status) => ({ status, count: counts[status] }));
  let total = 0;
  for (const s of STATUSES) total += counts[s];
  return (
    <figure className={`ow-breakdown ow-breakdown--${variant}`} aria-label="Orders by status">
      <div className="ow-breakdown__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: size, height: size }}>
          <PieChart>
            <Pie
              data={data}
              dataKey="count"
              nameKey="status"
              innerRadius="62%"
              outerRadius="96%"
              startAngle={90}
              endAngle={-270}
              stroke="var(--bg-raised, #151b23)"
              strokeWidth={2}
              isAnimationActive={false}
            >
              {data.map((row) => (
                <Cell key={row.status} fill={colors[row.status]} />
              ))}
            </Pie>
          </PieChart>
        </ResponsiveContainer>
        <div className="ow-breakdown__total">
          <span className="num">{formatCount(total)}</span>
          <small>orders</small>
        </div>
      </div>
      <figcaption>
        <StatusLegend counts={counts} total={total} />
      </figcaption>
    </figure>
  );
}
