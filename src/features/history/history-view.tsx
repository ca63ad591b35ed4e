import { useCallback, useEffect, useRef } from 'react';
import { formatCount } from '../../lib/format';
import { useHistoryFilters, useHistoryState, useHistoryStore } from '../../store/history-context';
import { useViewParams } from '../../store/use-view-params';
import { HistoryExportButton } from './history-export-button';
import { HistoryFooter } from './history-footer';
import { HistoryGrid } from './history-grid';
import { HistoryToolbar } from './history-toolbar';
import './history.css';

const NONE: readonly string[] = [];

/**
 * `?view=history`: finished orders from the relay's journal, newest first, a page at a time as the
 * operator scrolls. The filters live in the URL; the store asks the relay; a row opens the same
 * detail panel the live table does (the app renders it beside this view).
 */
export function HistoryView({ now }: { readonly now: () => number }) {
  const history = useHistoryStore();
  const [filters, updateFilters] = useHistoryFilters();
  const [params, updateView] = useViewParams();
  // A plain list, not a live one: opening the view asks afresh (orders finished meanwhile), a
  // filter change starts over, and Refresh does both on demand.
  const fresh = useRef(true);
  useEffect(() => {
    history?.show(filters, fresh.current);
    fresh.current = false;
  }, [history, filters]);
  const list = useHistoryState((s) => s.list, null);
  const engines = useHistoryState((s) => s.engines, NONE);
  const symbols = useHistoryState((s) => s.symbols, NONE);
  const onOpen = useCallback((order: string) => updateView({ order }), [updateView]);
  const onNearEnd = useCallback(() => history?.loadMore(), [history]);
  const onRetry = useCallback(() => history?.retry(), [history]);

  if (history === null || list === null) return <p className="history-view__none">History is not available on this page.</p>;
  return (
    <section className="history-view" aria-label="Order history">
      <div className="history-view__bar">
        <h2 className="history-view__title">History</h2>
        <span className="toolbar__count" data-testid="history-count">
          {formatCount(list.orders.length)} loaded{list.phase === 'end' ? '' : ' so far'}
        </span>
        <span className="toolbar__spacer" />
        <button type="button" className="button button--quiet" onClick={() => history.show(filters, true)}>
          Refresh
        </button>
        <HistoryExportButton orders={list.orders} now={now} />
      </div>
      <HistoryToolbar filters={filters} onChange={updateFilters} engines={engines} symbols={symbols} />
      <HistoryGrid
        orders={list.orders}
        selectedId={params.order}
        onOpen={onOpen}
        onNearEnd={onNearEnd}
        canLoadMore={list.phase === 'ready'}
        footer={<HistoryFooter list={list} onRetry={onRetry} />}
      />
    </section>
  );
}
