import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { STATUS_LOOK } from '../../components/status-palette';
import { formatCount } from '../../lib/format';

/** Every status with icon, label and count, as text: the chart's numbers for readers and screen readers. */
export function StatusLegend({ counts }: { readonly counts: Readonly<Record<Status, number>> }) {
  return (
    <ul className="ow-legend" aria-label="Status counts">
      {STATUSES.map((status) => {
        const look = STATUS_LOOK[status];
        return (
          <li key={status} className="ow-legend__item" data-status={status}>
            <span className="ow-legend__icon" style={{ color: `var(${look.colorVar}, ${look.color})` }} aria-hidden="true">
              {look.icon}
            </span>
            <span className="ow-legend__label">{look.label}</span>
            <span className="ow-num ow-legend__count">{formatCount(counts[status])}</span>
          </li>
        );
      })}
    </ul>
  );
}
