import { useShallow } from 'zustand/react/shallow';
import { useDashboard, useDashboardState } from '../../store/dashboard-context';
import { FEED_LABEL } from './feed-labels';
import { ZonedTime } from './zoned-time';

/**
 * When the feed is not LIVE, says how old the data on screen is, on the relay's clock
 * (24 h, in the desk's zone, named). The page dims everything else; this banner stays bright.
 */
export function FeedBanner() {
  const dashboard = useDashboard();
  const { status, asOf, error } = useDashboardState(useShallow((s) => ({ status: s.feed.status, asOf: s.feed.asOf, error: s.feed.error })));
  if (status === 'LIVE') return null;
  const when =
    asOf === null ? (
      'Waiting for data'
    ) : (
      <>
        Data as of <ZonedTime at={asOf} />
      </>
    );
  return (
    <div className={`feed-banner feed-banner--${status.toLowerCase()}`} data-testid="feed-banner">
      <strong>
        {when} — {FEED_LABEL[status]}
      </strong>
      {error !== null && <span className="feed-banner__detail"> · {error}</span>}
      {status === 'RECONNECTING' && (
        <button type="button" className="feed-banner__action" onClick={() => dashboard.requestReconnect()}>
          Reconnect now
        </button>
      )}
    </div>
  );
}
