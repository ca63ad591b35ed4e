import { UntrustedText } from '../../components/untrusted-text';
import type { Anomaly } from '../../core/anomaly';
import { formatTimeMsIn } from '../../lib/format';
import type { TimeZoneChoice } from '../../store/time-zone';

/** What the core flagged on this order. */
export function OrderAnomalyList({ anomalies, zone }: { readonly anomalies: readonly Anomaly[]; readonly zone: TimeZoneChoice }) {
  if (anomalies.length === 0) return <p className="ow-detail__empty">None flagged.</p>;
  return (
    <ul className="ow-detail__anomalies">
      {anomalies.map((a, i) => (
        <li key={`${a.ts}-${a.seq ?? 'n'}-${i}`}>
          <span className="ow-detail__anomaly-kind">⚠ {a.kind.replaceAll('_', ' ')}</span>{' '}
          <span className="num">{formatTimeMsIn(a.ts, zone)}</span>
          {a.seq !== null && <span className="ow-detail__seq"> seq {a.seq}</span>}
          <div className="ow-detail__anomaly-detail">
            {/* The core's words, with the engine's ids and statuses inside them. */}
            <UntrustedText text={a.detail} />
          </div>
        </li>
      ))}
    </ul>
  );
}
