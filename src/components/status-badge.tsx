import type { Status } from '../core/status';
import { STATUS_LOOK } from './status-palette';

/** A status as colour, icon and word together: never colour alone. */
export function StatusBadge({ status }: { readonly status: Status }) {
  const look = STATUS_LOOK[status];
  return (
    <span className="status-badge" style={{ color: `var(${look.colorVar})` }} data-status={status}>
      <span className="status-badge__icon" aria-hidden="true">
        {look.icon}
      </span>
      <span className="status-badge__label">{look.label}</span>
    </span>
  );
}
