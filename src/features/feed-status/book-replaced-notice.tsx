import { formatCount } from '../../lib/format';
import { useDashboard, useDashboardState } from '../../store/dashboard-context';
import { ZonedTime } from './zoned-time';

/**
 * A restarted relay's snapshot replaced the page's book: said on screen until the operator
 * dismisses it, so a book that shrank from 7,041 to 586 orders is never found out by counting.
 */
export function BookReplacedNotice() {
  const dashboard = useDashboard();
  const replaced = useDashboardState((s) => s.feed.replaced);
  if (replaced === null) return null;
  return (
    <div className="feed-notice" role="alert" data-testid="book-replaced">
      <strong>
        The relay restarted at <ZonedTime at={replaced.at} />
      </strong>{' '}
      and its book replaced this page&apos;s: {formatCount(replaced.ordersBefore)} → {formatCount(replaced.ordersAfter)} orders.
      <button type="button" className="feed-banner__action" onClick={() => dashboard.setFeed({ replaced: null })}>
        Dismiss
      </button>
    </div>
  );
}
