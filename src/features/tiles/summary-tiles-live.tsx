import type { Status } from '../../core/status';
import { useViewParams } from '../../store/use-view-params';
import type { TileKey } from './summary-tiles';
import { SummaryTiles } from './summary-tiles';
import { useSummaryFigures } from './use-summary-figures';

/** What each desk tile filters the table to; tiles not listed have no view of their own. */
const TILE_FILTERS: Partial<
  Record<TileKey, { readonly statuses: readonly Status[]; readonly staleOnly: boolean; readonly label: string }>
> = {
  stale: { statuses: [], staleOnly: true, label: 'Show only stale orders' },
  active: { statuses: ['NEW', 'OPEN', 'PARTIAL_FILL'], staleOnly: false, label: 'Show only active orders' },
  partial: { statuses: ['PARTIAL_FILL'], staleOnly: false, label: 'Show only partially filled orders' },
  filled15: { statuses: ['FILLED'], staleOnly: false, label: 'Show only filled orders' },
  rejected15: { statuses: ['REJECTED'], staleOnly: false, label: 'Show only rejected orders' },
  failed15: { statuses: ['FAILED'], staleOnly: false, label: 'Show only failed orders' },
};

/** Summary tiles fed from the store; `variant="wall"` sizes them for a screen across the room and makes them read-only. */
export function SummaryTilesLive({
  variant = 'main',
  onShowAnomalies,
}: {
  readonly variant?: 'main' | 'wall';
  /** Where the Anomalies tile goes: the page knows where its anomalies view is. */
  readonly onShowAnomalies?: () => void;
}) {
  const figures = useSummaryFigures();
  const [, update] = useViewParams();
  if (variant === 'wall') return <SummaryTiles figures={figures} variant="wall" />;
  return (
    <SummaryTiles
      figures={figures}
      pickLabel={(key) =>
        key === 'anomalies' ? (onShowAnomalies === undefined ? null : 'Go to the anomalies') : (TILE_FILTERS[key]?.label ?? null)
      }
      onPick={(key) => {
        if (key === 'anomalies') return onShowAnomalies?.();
        const filter = TILE_FILTERS[key];
        if (filter !== undefined) update({ statuses: filter.statuses, staleOnly: filter.staleOnly });
      }}
    />
  );
}
