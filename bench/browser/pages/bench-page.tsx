import type { ReactNode } from 'react';
import { ChartsPanel } from '../../../src/features/charts/charts-panel';
import { FeedBanner } from '../../../src/features/feed-status/feed-banner';
import { StaleOrdersPanel } from '../../../src/features/stale/stale-orders-panel';
import { SummaryTilesLive } from '../../../src/features/tiles/summary-tiles-live';

/**
 * The dashboard page's layout with the table slot filled by the variant under test: the same
 * tiles, charts, stale panel and feed banner as src/app/dashboard-page.tsx, so only the table
 * differs between variants.
 */
export function BenchPage({ table }: { readonly table: ReactNode }) {
  return (
    <div className="app">
      <FeedBanner />
      <main className="page">
        <section className="page__tiles" aria-label="Summary">
          <SummaryTilesLive />
        </section>
        <div className="page__table">{table}</div>
        <aside className="page__side" aria-label="Stale orders and charts">
          <section className="page__stale" aria-label="Stale orders">
            <StaleOrdersPanel />
          </section>
          <section className="page__charts" aria-label="Charts">
            <ChartsPanel />
          </section>
        </aside>
      </main>
    </div>
  );
}
