import type { MouseEvent } from 'react';
import { writeViewParams } from '../store/view-params';
import { useViewParams } from '../store/use-view-params';
import { navigateViewParams } from '../store/view-url';

/**
 * History from the live page, Live from History: switched in the page (the feed and its book stay),
 * with a history entry so the back button returns. Filters of either view are kept in the URL.
 */
export function HistoryLink() {
  const [params] = useViewParams();
  const target = params.view === 'history' ? 'main' : 'history';
  const href = writeViewParams(window.location.search, { view: target, order: null }) || window.location.pathname;
  const onClick = (e: MouseEvent<HTMLAnchorElement>): void => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigateViewParams({ view: target, order: null });
  };
  return (
    <a className="button button--quiet" href={href} onClick={onClick} data-testid="history-link">
      {target === 'history' ? 'History' : '← Live'}
    </a>
  );
}
