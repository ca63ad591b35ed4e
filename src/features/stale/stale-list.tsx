import { AckedNote } from '../../components/acked-note';
import { StaleMarkerReason } from '../../components/stale-marker';
import { STATUS_LOOK } from '../../components/status-palette';
import { ID_KEEP_END, LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import { visibleText } from '../../lib/visible-text';
import { formatAge, formatUsd } from '../../lib/format';
import type { StaleEntry } from '../../core/stale-rules';
import type { Alert } from '../../core/alert';

export interface StaleListProps {
  readonly entries: readonly StaleEntry[];
  /** Stale orders in all, when `entries` holds only the worst of them (default: entries.length). */
  readonly total?: number;
  /** Rows shown; the rest are counted in a "+N more" line. */
  readonly maxRows?: number;
  readonly selectedId?: string | null;
  /** Absent: read-only rows (the wall). */
  readonly onSelect?: (clientOrderId: string) => void;
  /** Open alerts by order: an acknowledged one shows who is on it. */
  readonly alerts?: ReadonlyMap<string, Alert>;
}

function StaleRowBody({ entry, alert }: { readonly entry: StaleEntry; readonly alert: Alert | undefined }) {
  const { order } = entry;
  const look = STATUS_LOOK[order.status];
  return (
    <>
      <span className="ow-stale__age num">{formatAge(entry.ageSec)}</span>
      <span className="ow-stale__status" style={{ color: `var(${look.colorVar}, ${look.color})` }}>
        <span aria-hidden="true">{look.icon}</span> {look.label}
      </span>
      <span className="ow-stale__symbol">
        <UntrustedText text={order.symbol} keepEnd={LABEL_KEEP_END} />{' '}
        <span className={`ow-stale__side ow-stale__side--${order.side}`}>{order.side}</span>
      </span>
      <span className="ow-stale__size num">{formatUsd(order.size_usd)}</span>
      <span className="ow-stale__id">
        <UntrustedText text={order.client_order_id} keepEnd={ID_KEEP_END} />
      </span>
      <span className="ow-stale__engine">
        <UntrustedText text={order.engine} keepEnd={LABEL_KEEP_END} />
      </span>
      <span className="ow-stale__reason">
        <StaleMarkerReason reason={entry.reason} /> <AckedNote alert={alert} now={order.created_at + entry.ageSec * 1000} />
      </span>
    </>
  );
}

/** Stale orders, worst first: age, status (icon and word), what they are, and why they are stale. */
export function StaleList({ entries, total = entries.length, maxRows = Infinity, selectedId = null, onSelect, alerts }: StaleListProps) {
  if (total === 0) {
    return <p className="ow-stale__empty">✓ No stale orders: every active order is within its limits.</p>;
  }
  const shown = entries.slice(0, maxRows);
  const hidden = total - shown.length;
  return (
    <>
      <ol className="ow-stale__list">
        {shown.map((entry) => {
          const id = entry.order.client_order_id;
          return (
            <li key={id} className="ow-stale__item">
              {onSelect === undefined ? (
                <div className="ow-stale__row">
                  <StaleRowBody entry={entry} alert={alerts?.get(id)} />
                </div>
              ) : (
                <button
                  type="button"
                  className="ow-stale__row"
                  aria-pressed={selectedId === id}
                  aria-label={`${visibleText(id)}: ${entry.reason}`}
                  onClick={() => onSelect(id)}
                >
                  <StaleRowBody entry={entry} alert={alerts?.get(id)} />
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {hidden > 0 && <p className="ow-stale__more">+{hidden} more stale</p>}
    </>
  );
}
