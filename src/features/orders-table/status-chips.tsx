import { STALE_ICON, STATUS_LOOK } from '../../components/status-palette';
import type { Status } from '../../core/status';
import { STATUSES } from '../../core/status';
import { useDashboard } from '../../store/dashboard-context';
import { useBookScan } from '../../store/use-book-scan';
import { formatCount } from '../../lib/format';

interface StatusChipsProps {
  readonly selected: readonly Status[];
  readonly staleOnly: boolean;
  readonly staleCount: number;
  readonly onChange: (statuses: Status[]) => void;
  readonly onStaleOnly: (on: boolean) => void;
}

/** Toggle chips per status with live counts (the book keeps them; they refresh with the page's shared scan). */
export function StatusChips({ selected, staleOnly, staleCount, onChange, onStaleOnly }: StatusChipsProps) {
  useBookScan();
  const counts = useDashboard().book().byStatus;
  const toggle = (status: Status): void => {
    onChange(selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status]);
  };
  return (
    <div className="chips" role="group" aria-label="Filter by status">
      <button type="button" className="chip chip--stale" aria-pressed={staleOnly} onClick={() => onStaleOnly(!staleOnly)}>
        <span aria-hidden="true">{STALE_ICON}</span> Stale <span className="chip__count num">{formatCount(staleCount)}</span>
      </button>
      {STATUSES.map((status) => {
        const look = STATUS_LOOK[status];
        return (
          <button
            key={status}
            type="button"
            className="chip"
            aria-pressed={selected.includes(status)}
            style={{ ['--chip-color' as string]: `var(${look.colorVar})` }}
            onClick={() => toggle(status)}
          >
            <span aria-hidden="true" className="chip__icon">
              {look.icon}
            </span>{' '}
            {look.label} <span className="chip__count num">{formatCount(counts[status])}</span>
          </button>
        );
      })}
      {(selected.length > 0 || staleOnly) && (
        <button type="button" className="chip chip--clear" onClick={() => (onChange([]), onStaleOnly(false))}>
          Clear
        </button>
      )}
    </div>
  );
}
