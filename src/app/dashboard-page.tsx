import { useCallback, useRef } from 'react';
import { EngineHealthPanel } from '../features/alerts/engine-health-panel';
import { AnomaliesView } from '../features/anomalies/anomalies-view';
import { BreakdownPanel } from '../features/breakdown/breakdown-panel';
import { ChartsPanel } from '../features/charts/charts-panel';
import { BookReplacedNotice } from '../features/feed-status/book-replaced-notice';
import { FeedBanner } from '../features/feed-status/feed-banner';
import { OrderDetailPanel } from '../features/order-detail/order-detail-panel';
import { OrdersTable } from '../features/orders-table/orders-table';
import { StaleOrdersPanel } from '../features/stale/stale-orders-panel';
import { SummaryTilesLive } from '../features/tiles/summary-tiles-live';
import { useDashboardState } from '../store/dashboard-context';
import { AppHeader } from './app-header';
import { StaleTitle } from './stale-title';

/**
 * The main page. Named regions are slots for the other features (tiles, charts, stale
 * panel, detail drawer, anomalies): each feature renders into its own region and none
 * imports another.
 */
export function DashboardPage() {
  // Only the feed's LIVE state re-renders the page; each region follows its own data.
  const dimmed = useDashboardState((s) => s.feed.status !== 'LIVE');
  const anomaliesRef = useRef<HTMLDivElement>(null);
  const showAnomalies = useCallback(() => {
    const region = anomaliesRef.current;
    region?.scrollIntoView({ block: 'nearest' });
    region?.querySelector<HTMLElement>('section')?.focus();
  }, []);
  return (
    <div className="app">
      <StaleTitle />
      <AppHeader />
      <FeedBanner />
      <BookReplacedNotice />
      <main className={dimmed ? 'page is-dimmed' : 'page'} aria-busy={dimmed}>
        <section className="page__tiles" aria-label="Summary">
          <SummaryTilesLive onShowAnomalies={showAnomalies} />
        </section>
        <div className="page__table">
          <OrdersTable />
        </div>
        <aside className="page__side" aria-label="Stale orders and charts">
          <div className="page__stale">
            <StaleOrdersPanel />
          </div>
          <div className="page__engines">
            <EngineHealthPanel />
          </div>
          <div className="page__anomalies" ref={anomaliesRef}>
            <AnomaliesView />
          </div>
          <div className="page__breakdown">
            <BreakdownPanel />
          </div>
          <div className="page__charts">
            <ChartsPanel />
          </div>
        </aside>
        <div className="page__detail">
          <OrderDetailPanel />
        </div>
      </main>
    </div>
  );
}
