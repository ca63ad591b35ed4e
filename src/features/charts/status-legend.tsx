import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { STATUS_LOOK } from '../../components/status-palette';
import { formatCount } from '../../lib/format';

function share(n: number, total: number): string {
  if (total === 0) return '—';
  const pct = (n / total) * 100;
  return pct > 0 && pct < 0.1 ? '<0.1%' : `${pct.toFixed(1)}%`;
}

/** Every status with icon, label, count and share, as text: the chart's numbers for everyone. */
export function StatusLegend({ counts, total }: { readonly counts: Readonly<Record<Status, number>>; readonly total: number }) {
  return (
    <ul className="ow-legend" aria-label="Status counts">
      {STATUSES.map((status) => {
        const look = STATUS_LOOK[status];
        return (
          <li key={status} className={counts[status] === 0 ? 'ow-legend__item is-zero' : 'ow-legend__item'} data-status={status}>
            <span className="ow-legend__icon" style={{ color: `var(${look.colorVar}, ${look.color})` }} aria-hidden="true">
              {look.icon}
            </span>
            <span className="ow-legend__label">{look.label}</span>
            <span className="num ow-legend__count">{formatCount(counts[status])}</span>
            <span className="num ow-legend__share">{share(counts[status], total)}</span>
          </li>
        );
      })}
    </ul>
  );
}
