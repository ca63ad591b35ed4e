import type { AnomalyKind } from '../../core/anomaly';
import { ANOMALY_KINDS } from '../../core/anomaly';
import { formatCount } from '../../lib/format';
import { ANOMALY_TEXT } from './anomaly-kinds';

export interface AnomalyCountsProps {
  readonly counts: Readonly<Record<AnomalyKind, number>>;
  readonly selected: AnomalyKind | null;
  /** Toggles the list filter to this kind (null: all kinds). */
  readonly onSelect: (kind: AnomalyKind | null) => void;
}

/** All seven kinds with their counts since the relay started; a kind that has fired stands out. */
export function AnomalyCounts({ counts, selected, onSelect }: AnomalyCountsProps) {
  return (
    <ul className="ow-anomaly-counts" aria-label="Anomalies by kind">
      {ANOMALY_KINDS.map((kind) => {
        const n = counts[kind];
        const text = ANOMALY_TEXT[kind];
        return (
          <li key={kind}>
            <button
              type="button"
              className={`ow-anomaly-count${n > 0 ? ' ow-anomaly-count--hit' : ''}`}
              aria-pressed={selected === kind}
              title={text.meaning}
              onClick={() => onSelect(selected === kind ? null : kind)}
              data-kind={kind}
            >
              <span className="ow-anomaly-count__label">
                {n > 0 && <span aria-hidden="true">⚠ </span>}
                {text.label}
              </span>
              <span className="ow-anomaly-count__n num">{formatCount(n)}</span>
              <span className="ow-anomaly-count__meaning">{text.meaning}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
