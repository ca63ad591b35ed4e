import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { STATUS_LOOK } from '../../components/status-palette';
import { formatCount } from '../../lib/format';
import { StatusLegend } from './status-legend';

interface Row {
  readonly status: Status;
  readonly name: string;
  readonly count: number;
}

export interface StatusBreakdownProps {
  readonly counts: Readonly<Record<Status, number>>;
  readonly colors: Readonly<Record<Status, string>>;
  readonly height?: number;
  readonly variant?: 'main' | 'wall';
}

/** Counts by status as bars in the badge colours, with a text legend carrying the exact numbers. */
export function StatusBreakdownChart({ counts, colors, height = 220, variant = 'main' }: StatusBreakdownProps) {
  const data: Row[] = STATUSES.map((status) => ({ status, name: `${STATUS_LOOK[status].icon} ${STATUS_LOOK[status].label}`, count: counts[status] }));
  const tick = { fill: 'var(--text-muted, #9aa7b4)', fontSize: variant === 'wall' ? '1.5vh' : 12 };
  return (
    <figure className={`ow-breakdown ow-breakdown--${variant}`} aria-label="Orders by status">
      <div className="ow-breakdown__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={variant === 'wall' ? '100%' : height} initialDimension={{ width: 480, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barCategoryGap="18%">
            <XAxis type="number" hide allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={variant === 'wall' ? 150 : 96} tick={tick} axisLine={false} tickLine={false} />
            <Bar dataKey="count" isAnimationActive={false} radius={[0, 3, 3, 0]} minPointSize={2}>
              {data.map((row) => (
                <Cell key={row.status} fill={colors[row.status]} />
              ))}
              <LabelList dataKey="count" position="right" formatter={(v: unknown) => formatCount(Number(v))} fill="var(--text, #e6edf3)" fontSize={tick.fontSize} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <StatusLegend counts={counts} />
      </figcaption>
    </figure>
  );
}
