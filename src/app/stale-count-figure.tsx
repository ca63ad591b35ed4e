import { STALE_ICON } from '../components/status-palette';
import { formatCount } from '../lib/format';
import { useDashboardState } from '../store/dashboard-context';
import { isFeedDown } from '../store/dashboard-store';
import { useZonedClock } from '../store/time-zone';
import { useStaleAfterSec, useViewParams } from '../store/use-view-params';

/**
 * The page's most prominent figure: how many orders are stale right now. While the feed is
 * down the count is frozen with the rest of the page, and says as of when. A click shows only
 * the stale orders in the table.
 */
export function StaleCountFigure({ count }: { readonly count: number }) {
  const threshold = useStaleAfterSec();
  const [, update] = useViewParams();
  const frozenAt = useDashboardState((s) => (isFeedDown(s.feed) ? s.feed.asOf : null));
  // Not the 1 Hz clock: the header's figure must not re-render each second; a freeze is recent.
  const clock = useZonedClock();
  const className =
    frozenAt !== null ? 'stale-figure stale-figure--frozen' : count > 0 ? 'stale-figure stale-figure--alert' : 'stale-figure';
  return (
    <button
      type="button"
      className={className}
      data-testid="stale-count"
      title={`Active orders over the stale limits (age limit ${threshold} s): click to show only them`}
      onClick={() => update({ staleOnly: true, statuses: [] })}
    >
      <span className="stale-figure__value num">{formatCount(count)}</span>
      <span className="stale-figure__label">
        <span aria-hidden="true">{STALE_ICON}</span> stale {count === 1 ? 'order' : 'orders'}
        {frozenAt !== null && (
          <span className="stale-figure__asof" data-testid="frozen-as-of">
            {' '}
            as of {clock(frozenAt, frozenAt)}
          </span>
        )}
      </span>
    </button>
  );
}
