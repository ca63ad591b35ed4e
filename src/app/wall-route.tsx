import { StatusBreakdownLive } from '../features/charts/status-breakdown-live';
import { FeedBanner } from '../features/feed-status/feed-banner';
import { FeedStatusIndicator } from '../features/feed-status/feed-status-indicator';
import { StaleOrdersPanel } from '../features/stale/stale-orders-panel';
import { SummaryTilesLive } from '../features/tiles/summary-tiles-live';
import { WallView } from '../features/wall/wall-view';
import { StaleTitle } from './stale-title';

/** `?view=wall`: the app composes the features into the wall layout (features never import each other). */
export function WallRoute() {
  return (
    <>
      <StaleTitle />
      <WallView
        feedStatus={<FeedStatusIndicator />}
        feedBanner={<FeedBanner />}
        tiles={<SummaryTilesLive variant="wall" />}
        stale={<StaleOrdersPanel variant="wall" />}
        breakdown={<StatusBreakdownLive variant="wall" />}
      />
    </>
  );
}
