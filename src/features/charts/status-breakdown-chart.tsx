import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { formatCount } from '../../lib/format';
import { donutSlices } from './donut-arcs';
import { StatusLegend } from './status-legend';

export interface StatusBreakdownProps {
  readonly counts: Readonly<Record<Status, number>>;
  readonly colors: Readonly<Record<Status, string>>;
  readonly variant?: 'main' | 'wall';
}

/**
 * Counts by status as a donut in the badge colours, the total in its middle, and a text legend
 * beside it carrying icon, label, count and share: the numbers never depend on reading colour.
 */
export function StatusBreakdownChart({ counts, colors, variant = 'main' }: StatusBreakdownProps) {
  let total = 0;
  for (const s of STATUSES) total += counts[s];
  return (
    <figure className={`ow-breakdown ow-breakdown--${variant}`} aria-label="Orders by status">
      <div className="ow-breakdown__chart" aria-hidden="true">
        <svg className="ow-donut" viewBox="0 0 100 100" width="100%" height="100%">
          {donutSlices(counts).map((slice) => (
            <path key={slice.status} className="ow-donut__slice" d={slice.path} fill={colors[slice.status]} data-status={slice.status} />
          ))}
        </svg>
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
