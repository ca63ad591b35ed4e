import type { Anomaly } from '../../core/anomaly';
import { formatTimestamp } from '../../lib/format';
import { ANOMALY_TEXT } from './anomaly-kinds';

export interface AnomalyListProps {
  /** Newest first, already capped. */
  readonly anomalies: readonly Anomaly[];
  readonly onSelectOrder: (clientOrderId: string) => void;
}

/** Recent anomalies: kind, order (opens its detail), engine and seq, event time, and the core's own words. */
export function AnomalyList({ anomalies, onSelectOrder }: AnomalyListProps) {
  if (anomalies.length === 0) return <p className="ow-anomalies__empty">✓ No anomalies: the engine has kept to the lifecycle rules.</p>;
  return (
    <table className="ow-anomaly-list">
      <thead>
        <tr>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Kind</th>
          <th scope="col">Order</th>
          <th scope="col">Engine · seq</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {anomalies.map((a, i) => (
          <tr key={`${a.ts}:${a.engine}:${a.seq ?? ''}:${a.client_order_id}:${i}`} data-kind={a.kind}>
            <td className="ow-num">{formatTimestamp(a.ts)}</td>
            <td className="ow-anomaly-list__kind">{ANOMALY_TEXT[a.kind].label}</td>
            <td>
              <button type="button" className="ow-link" onClick={() => onSelectOrder(a.client_order_id)}>
                {a.client_order_id}
              </button>
            </td>
            <td className="ow-num">
              {a.engine === '' ? '—' : a.engine} · {a.seq ?? '—'}
            </td>
            <td>{a.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
