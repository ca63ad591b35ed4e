import { useDashboard } from '../../store/dashboard-context';
import { useRelayNow } from '../../store/relay-clock';

/**
 * The newest event's lag, sampled on the page's 1 Hz clock: the store moves it every frame
 * while events stream, and a figure redrawn 60 times a second is unreadable and costs a repaint
 * of the header each frame. A dead feed is told by the status beside it, not by this number.
 */
export function FeedLag() {
  useRelayNow();
  const lagMs = useDashboard().store.getState().feed.lagMs;
  return lagMs === null ? null : <span className="feed-status__lag num">lag {Math.round(lagMs)} ms</span>;
}
