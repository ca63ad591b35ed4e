import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Status } from '../../core/status';
import { formatTimeMsIn } from '../../lib/format';
import type { ThroughputPoint } from '../../store/stats';
import type { TimeZoneChoice } from '../../store/time-zone';
import { zoneLabel } from '../../store/time-zone';
import { throughputSpan } from './throughput-span';

type SeriesKey = 'transitions' | 'completions' | 'cancels' | 'rejects';

const SERIES: readonly { key: SeriesKey; name: string; status: Status | null }[] = [
  { key: 'transitions', name: 'Transitions', status: null },
  { key: 'completions', name: 'Filled', status: 'FILLED' },
  { key: 'cancels', name: 'Canceled + expired', status: 'CANCELED' },
  { key: 'rejects', name: 'Rejected + failed', status: 'REJECTED' },
];

export interface ThroughputChartProps {
  readonly points: readonly ThroughputPoint[];
  readonly colors: Readonly<Record<Status, string>>;
  readonly height?: number;
  /** The desk's zone choice, which every clock time on the page follows; UTC by default. */
  readonly zone?: TimeZoneChoice;
}

// A recharts <Legend> measures itself, which jsdom cannot; a plain HTML legend reads the same.
function strokeOf(status: Status | null, colors: Readonly<Record<Status, string>>): string {
  return status === null ? 'var(--accent, #56b4e9)' : colors[status];
}

/** About six minute labels on the time axis, whatever the width. */
const LABELS = 6;

/** Per-minute counts over the last hour, from the first minute with data; each point keeps its minute as the key. */
export function ThroughputChart({ points: hour, colors, height = 220, zone = 'utc' }: ThroughputChartProps) {
  const { points, full } = throughputSpan(hour);
  const last = points[points.length - 1];
  const minuteLabel = (t: unknown): string => formatTimeMsIn(Number(t), zone).slice(0, 5);
  const label = zoneLabel(zone, last?.t);
  const since = full ? 'last 60 minutes' : `since ${minuteLabel(points[0]?.t)} ${label}`;
  return (
    <figure className="ow-throughput" aria-label={`Throughput per minute, ${since}`}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 560, height }}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="var(--border, #2a3441)" strokeDasharray="2 4" vertical={false} />
          {/* Fixed intervals: recharts' default ("preserveEnd") measures every tick label in the
              DOM to drop overlapping ones, ~250 ms of forced layouts at page load. */}
          <XAxis
            dataKey="t"
            tickFormatter={minuteLabel}
            tick={{ fill: 'var(--text-muted, #9aa7b4)', fontSize: 11 }}
            interval={Math.max(0, Math.ceil(points.length / LABELS) - 1)}
          />
          <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted, #9aa7b4)', fontSize: 11 }} width={48} interval={0} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(t) => `${minuteLabel(t)} ${label}`}
            contentStyle={{ background: 'var(--bg-hover, #1c2430)', border: '1px solid var(--border, #2a3441)' }}
          />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              type="monotone"
              dot={false}
              strokeWidth={s.status === null ? 2 : 1.6}
              stroke={strokeOf(s.status, colors)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="ow-series-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className="ow-series-legend__swatch" style={{ background: strokeOf(s.status, colors) }} />
            {s.name}
          </li>
        ))}
      </ul>
      {!full && (
        <p className="ow-throughput__since">
          Since {minuteLabel(points[0]?.t)} {label}: nothing earlier this hour.
        </p>
      )}
      <figcaption className="ow-sr-only">
        {last === undefined
          ? 'No data yet.'
          : `This minute so far: ${last.transitions} transitions, ${last.completions} filled, ${last.cancels} canceled or expired, ${last.rejects} rejected or failed.`}
      </figcaption>
    </figure>
  );
}
