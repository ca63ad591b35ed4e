import { STATUS_LOOK } from '../../components/status-palette';
import { UntrustedText } from '../../components/untrusted-text';
import type { TimelineRow } from './order-timeline';
import { describeCause } from './order-timeline';
import { formatTimeMsIn } from '../../lib/format';
import type { TimeZoneChoice } from '../../store/time-zone';
import { formatInState } from './format-time';

/** Every state the order went through, when, why, and how long it stayed (the current one ticking). */
export function OrderTimelineList({ rows, zone }: { readonly rows: readonly TimelineRow[]; readonly zone: TimeZoneChoice }) {
  return (
    <ol className="ow-timeline" aria-label="Timeline">
      {rows.map((row) => {
        const look = STATUS_LOOK[row.status];
        return (
          <li key={row.key} className={`ow-timeline__item${row.current ? ' ow-timeline__item--current' : ''}`} data-status={row.status}>
            <time className="ow-timeline__at num" dateTime={new Date(row.at).toISOString()}>
              {formatTimeMsIn(row.at, zone)}
            </time>
            <span className="ow-timeline__status" style={{ color: `var(${look.colorVar}, ${look.color})` }}>
              <span aria-hidden="true">{look.icon}</span> {look.label}
            </span>
            <span className="ow-timeline__cause">
              {describeCause(row.cause)}
              {row.reason !== undefined && (
                <span className="ow-timeline__reason">
                  : <UntrustedText text={row.reason} />
                </span>
              )}
            </span>
            <span
              className="ow-timeline__dur num"
              aria-label={row.current && row.durationMs !== null ? 'time in state so far' : 'time in state'}
            >
              {formatInState(row.durationMs)}
              {row.current && row.durationMs !== null ? ' ◷' : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
