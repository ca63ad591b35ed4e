import { formatDuration, formatUsd } from '../../lib/format';
import type { DashboardStats } from '../../store/stats';
import { formatRatio } from './chart-colors';

type QualityStats = Pick<
  DashboardStats,
  'timeToFirstFill' | 'timeToComplete' | 'fillRate' | 'rejectRate' | 'feesLastHour' | 'filledValueLastHour'
>;

/** Execution quality as figures: latency percentiles and rates over recent orders. */
export function ExecutionQuality({ stats }: { readonly stats: QualityStats }) {
  const ff = stats.timeToFirstFill;
  const done = stats.timeToComplete;
  const rows: readonly [string, string, string?][] = [
    ['First fill p50', formatDuration(ff?.p50), ff ? `${ff.n} orders` : undefined],
    ['First fill p95', formatDuration(ff?.p95)],
    ['Created → filled p50', formatDuration(done?.p50), done ? `${done.n} orders` : undefined],
    ['Created → filled p95', formatDuration(done?.p95)],
    ['Fill rate', formatRatio(stats.fillRate), 'filled / finished'],
    ['Reject rate', formatRatio(stats.rejectRate), 'rejected + failed / finished'],
    ['Fees', formatUsd(stats.feesLastHour)],
    ['Filled notional', formatUsd(stats.filledValueLastHour)],
  ];
  return (
    <dl className="ow-quality" aria-label="Execution quality, last 60 minutes">
      {rows.map(([label, value, hint]) => (
        <div key={label} className="ow-quality__row">
          <dt>
            {label}
            {hint !== undefined && <small className="ow-quality__hint">{hint}</small>}
          </dt>
          <dd className="num">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
