import { formatCount, formatDuration } from '../../lib/format';
import './tiles.css';

export interface SummaryFigures {
  readonly active: number;
  readonly stale: number;
  readonly partial: number;
  readonly filled15: number;
  readonly rejected15: number;
  readonly failed15: number;
  readonly anomalies: number;
  /** Relay arrival → applied here for the newest event, ms; null before any event. */
  readonly feedLagMs: number | null;
}

type Tone = 'neutral' | 'alarm' | 'warn' | 'good';

interface TileSpec {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly tone: Tone;
  /** Said beside the value so the meaning never rests on colour. */
  readonly flag?: string;
}

/** A count that is bad when above zero: toned apart from normal states, and flagged in words. */
function bad(key: string, label: string, count: number): TileSpec {
  return count > 0
    ? { key, label, value: formatCount(count), tone: 'warn', flag: '✕ check' }
    : { key, label, value: formatCount(count), tone: 'neutral' };
}

function tiles(f: SummaryFigures): TileSpec[] {
  return [
    {
      key: 'stale',
      label: 'Stale',
      value: formatCount(f.stale),
      tone: f.stale > 0 ? 'alarm' : 'good',
      flag: f.stale > 0 ? '⚠ act now' : '✓ none',
    },
    { key: 'active', label: 'Active', value: formatCount(f.active), tone: 'neutral' },
    { key: 'partial', label: 'Partially filled', value: formatCount(f.partial), tone: 'neutral' },
    { key: 'filled15', label: 'Filled · 15 min', value: formatCount(f.filled15), tone: 'neutral' },
    bad('rejected15', 'Rejected · 15 min', f.rejected15),
    bad('failed15', 'Failed · 15 min', f.failed15),
    bad('anomalies', 'Anomalies', f.anomalies),
    {
      key: 'lag',
      label: 'Feed lag',
      value: formatDuration(f.feedLagMs),
      tone: f.feedLagMs !== null && f.feedLagMs > 2000 ? 'warn' : 'neutral',
    },
  ];
}

export type TileKey = 'stale' | 'active' | 'partial' | 'filled15' | 'rejected15' | 'failed15' | 'anomalies' | 'lag';

export interface SummaryTilesProps {
  readonly figures: SummaryFigures;
  readonly variant?: 'main' | 'wall';
  /** Makes each tile that has a view of its own a button (the desk: filter the table to it). */
  readonly onPick?: (key: TileKey) => void;
  /** What picking a tile does, said to assistive tech and on hover. */
  readonly pickLabel?: (key: TileKey) => string | null;
}

/** The headline figures as a description list: each label and value is plain, readable text. */
export function SummaryTiles({ figures, variant = 'main', onPick, pickLabel }: SummaryTilesProps) {
  return (
    <dl className={`ow-tiles ow-tiles--${variant}`} aria-label="Summary">
      {tiles(figures).map((t) => (
        <div key={t.key} className={`ow-tile ow-tile--${t.key} ow-tile--${t.tone}`} data-testid={`tile-${t.key}`}>
          <dt className="ow-tile__label">
            <TileLabel
              label={t.label}
              action={onPick === undefined ? null : (pickLabel?.(t.key as TileKey) ?? null)}
              onPick={() => onPick?.(t.key as TileKey)}
            />
          </dt>
          <dd className="ow-tile__value">
            <span className="num">{t.value}</span>
            {t.flag !== undefined && <span className="ow-tile__flag">{t.flag}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A tile with somewhere to go is one button the size of the tile (its label stretched over it). */
function TileLabel({ label, action, onPick }: { readonly label: string; readonly action: string | null; readonly onPick: () => void }) {
  if (action === null) return <>{label}</>;
  return (
    <button type="button" className="ow-tile__pick" title={action} aria-description={action} onClick={onPick}>
      {label}
    </button>
  );
}
