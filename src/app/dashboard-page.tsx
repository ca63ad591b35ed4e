import { AnomaliesView } from '../features/anomalies/anomalies-view';
import { ChartsPanel } from '../features/charts/charts-panel';
import { FeedBanner } from '../features/feed-status/feed-banner';
import { OrderDetailPanel } from '../features/order-detail/order-detail-panel';
import { OrdersTable } from '../features/orders-table/orders-table';
import { StaleOrdersPanel } from '../features/stale/stale-orders-panel';
import { SummaryTilesLive } from '../features/tiles/summary-tiles-live';
import { useDashboardState } from '../store/dashboard-context';
import { useStaleCount } from '../store/use-stale-count';
import { AppHeader } from './app-header';
import { useDocumentTitle } from './use-document-title';

/**
 * The main page. Named regions are slots for the other features (tiles, charts, stale
 * panel, detail drawer, anomalies): each feature renders into its own region and none
 * imports another.
 */
export function DashboardPage() {
  const staleCount = useStaleCount();
  useDocumentTitle(staleCount);
  const dimmed = useDashboardState((s) => s.feed.status !== 'LIVE');
  return (
    <div className="app">
      <AppHeader staleCount={staleCount} />
      <FeedBanner />
      <main className={dimmed ? 'page is-dimmed' : 'page'} aria-busy={dimmed}>
        <section className="page__tiles" aria-label="Summary">
          <SummaryTilesLive />
        </section>
        <div className="page__table">
          <OrdersTable />
        </div>
        <aside className="page__side" aria-label="Stale orders and charts">
          <div className="page__stale">
            <StaleOrdersPanel />
          </div>
          <div className="page__charts">
            <ChartsPanel />
          </div>
          <div className="page__anomalies">
            <AnomaliesView />
          </div>
        </aside>
        <div className="page__detail">
          <OrderDetailPanel />
        </div>
      </main>
    </div>
  );
}
