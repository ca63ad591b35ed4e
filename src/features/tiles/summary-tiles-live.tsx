import { SummaryTiles } from './summary-tiles';
import { useSummaryFigures } from './use-summary-figures';

/** Summary tiles fed from the store; `variant="wall"` sizes them for a screen across the room. */
export function SummaryTilesLive({ variant = 'main' }: { readonly variant?: 'main' | 'wall' }) {
  return <SummaryTiles figures={useSummaryFigures()} variant={variant} />;
}
