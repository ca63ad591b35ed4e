import { ID_KEEP_END, LABEL_KEEP_END, UntrustedText } from '../../components/untrusted-text';
import type { Anomaly } from '../../core/anomaly';
import { formatTimestamp } from '../../lib/format';
import { ANOMALY_TEXT } from './anomaly-kinds';

export interface AnomalyListProps {
  /** Newest first, already capped. */
  readonly anomalies: readonly Anomaly[];
  readonly onSelectOrder: (clientOrderId: string) => void;
}

/**
 * Recent anomalies: kind, order (opens its detail), engine and seq, event time, and the core's
 * own words. Two lines per entry, so it reads the same in a side column and on a wide screen.
 */
export function AnomalyList({ anomalies, onSelectOrder }: AnomalyListProps) {
  if (anomalies.length === 0) return <p className="ow-anomalies__empty">✓ No anomalies: the engine has kept to the lifecycle rules.</p>;
  return (
    <ol className="ow-anomaly-list" aria-label="Recent anomalies, newest first">
      {anomalies.map((a, i) => (
        <li key={`${a.ts}:${a.engine}:${a.seq ?? ''}:${a.client_order_id}:${i}`} className="ow-anomaly-list__item" data-kind={a.kind}>
          <div className="ow-anomaly-list__head">
            <span className="ow-anomaly-list__kind">⚠ {ANOMALY_TEXT[a.kind].label}</span>
            <button type="button" className="ow-link" onClick={() => onSelectOrder(a.client_order_id)}>
              <UntrustedText text={a.client_order_id} keepEnd={ID_KEEP_END} />
            </button>
            <span className="ow-anomaly-list__meta num">
              {a.engine === '' ? 'no engine' : <UntrustedText text={a.engine} keepEnd={LABEL_KEEP_END} />} · seq {a.seq ?? '—'} ·{' '}
              <time dateTime={new Date(a.ts).toISOString()}>{formatTimestamp(a.ts)}</time>
            </span>
          </div>
          <div className="ow-anomaly-list__detail">
            {/* The core's words, with the engine's ids and statuses inside them. */}
            <UntrustedText text={a.detail} />
          </div>
        </li>
      ))}
    </ol>
  );
}
