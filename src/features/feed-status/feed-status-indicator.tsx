import './feed-status.css';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardState } from '../../store/dashboard-context';
import { FEED_ICON, FEED_LABEL } from './feed-labels';
import { FeedLag } from './feed-lag';
import { RetryCountdown } from './retry-countdown';

/**
 * The feed state, always visible and announced (role="status"). The retry countdown sits
 * outside the live region so screen readers hear state changes, not a ticking clock.
 */
export function FeedStatusIndicator() {
  const { status, attempt, retryAt } = useDashboardState(
    useShallow((s) => ({ status: s.feed.status, attempt: s.feed.attempt, retryAt: s.feed.retryAt })),
  );
  const attemptText = status === 'RECONNECTING' && attempt > 0 ? ` (attempt ${attempt})` : '';
  return (
    <div className={`feed-status feed-status--${status.toLowerCase()}`} data-feed-status={status}>
      <span role="status" aria-live="polite" className="feed-status__state">
        <span aria-hidden="true" className="feed-status__icon">
          {FEED_ICON[status]}
        </span>{' '}
        Feed: {FEED_LABEL[status]}
        {attemptText}
      </span>
      {status === 'RECONNECTING' && retryAt !== null && <RetryCountdown retryAt={retryAt} />}
      {status === 'LIVE' && <FeedLag />}
    </div>
  );
}
