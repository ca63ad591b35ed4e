import { useEffect, useState } from 'react';
import { EngineHealthPanel } from '../features/alerts/engine-health-panel';
import { WallAlertsPanel } from '../features/alerts/wall-alerts-panel';
import type { WallAudio } from '../features/alerts/wall-beeper';
import { createWallBeeper } from '../features/alerts/wall-beeper';
import { WallSoundControls } from '../features/alerts/wall-sound-controls';
import { createWebAudio } from '../features/alerts/wall-web-audio';
import { StatusBreakdownLive } from '../features/charts/status-breakdown-live';
import { FeedBanner } from '../features/feed-status/feed-banner';
import { FeedStatusIndicator } from '../features/feed-status/feed-status-indicator';
import { StaleOrdersPanel } from '../features/stale/stale-orders-panel';
import { SummaryTilesLive } from '../features/tiles/summary-tiles-live';
import { WallView } from '../features/wall/wall-view';
import type { Clock } from '../lib/clock';
import { systemClock } from '../platform/system-clock';
import { StaleTitle } from './stale-title';

/**
 * `?view=wall`: the app composes the features into the wall layout (features never import each
 * other). `clock` and `audio` are the host's; tests hand in a stepped clock and a fake speaker.
 */
export function WallRoute({
  clock = systemClock,
  audio = createWebAudio,
}: { readonly clock?: Clock; readonly audio?: () => WallAudio } = {}) {
  // One beeper for as long as the wall is shown: its AudioContext is made on the "Arm sound" click.
  const [beeper] = useState(() => createWallBeeper({ clock, audio: audio() }));
  useEffect(() => () => beeper.dispose(), [beeper]);
  return (
    <>
      <StaleTitle />
      <WallView
        feedStatus={<FeedStatusIndicator />}
        feedBanner={<FeedBanner />}
        tiles={<SummaryTilesLive variant="wall" />}
        stale={<StaleOrdersPanel variant="wall" />}
        breakdown={<StatusBreakdownLive variant="wall" />}
        alerts={<WallAlertsPanel />}
        sound={<WallSoundControls beeper={beeper} />}
        engines={<EngineHealthPanel variant="strip" />}
      />
    </>
  );
}
