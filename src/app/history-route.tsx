import { FeedBanner } from '../features/feed-status/feed-banner';
import { HistoryView } from '../features/history/history-view';
import { OrderDetailPanel } from '../features/order-detail/order-detail-panel';
import { useDashboard } from '../store/dashboard-context';
import { AppHeader } from './app-header';
import { StaleTitle } from './stale-title';

/**
 * `?view=history`: the header (the live feed keeps running behind it), the history list, and the
 * same detail panel the live page opens, composed here since features never import each other.
 */
export function HistoryRoute() {
  const dashboard = useDashboard();
  return (
    <div className="app">
      <StaleTitle />
      <AppHeader />
      <FeedBanner />
      <main className="history-page">
        <HistoryView now={() => dashboard.relayNow()} />
        <OrderDetailPanel />
      </main>
    </div>
  );
}
