import { STALE_ICON } from '../components/status-palette';
import { formatCount } from '../lib/format';
import { useStaleAfterSec } from '../store/use-view-params';

/** The page's most prominent figure: how many orders are stale right now. */
export function StaleCountFigure({ count }: { readonly count: number }) {
  const threshold = useStaleAfterSec();
  return (
    <div
      className={count > 0 ? 'stale-figure stale-figure--alert' : 'stale-figure'}
      data-testid="stale-count"
      title={`Active orders over the stale limits (age limit ${threshold} s)`}
    >
      <span className="stale-figure__value num">{formatCount(count)}</span>
      <span className="stale-figure__label">
        <span aria-hidden="true">{STALE_ICON}</span> stale {count === 1 ? 'order' : 'orders'}
      </span>
    </div>
  );
}
