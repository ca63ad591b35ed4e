import { useAlertsState } from '../features/alerts/use-alerts';
import { useDashboardState } from '../store/dashboard-context';
import { isFeedDown } from '../store/dashboard-store';
import { useStaleCount } from '../store/use-stale-count';
import { useDocumentTitle } from './use-document-title';

/**
 * The tab title's figures, in a component of its own: the page around it then does not
 * re-render (every feature in it) each time a new book scan lands. A background tab must say
 * the feed is dead, not only how many orders were stale when it died.
 */
export function StaleTitle() {
  const stale = useStaleCount();
  const silent = useAlertsState((s) => s.engines.filter((e) => e.silent).length);
  const feedDown = useDashboardState((s) => isFeedDown(s.feed));
  useDocumentTitle({ stale, silent, feedDown });
  return null;
}
