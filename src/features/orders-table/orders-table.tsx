import './orders-table.css';
import { useCallback } from 'react';
import { formatCount } from '../../lib/format';
import type { SortSpecs } from '../../store/order-sort-keys';
import { useOrderFilter } from '../../store/use-order-filter';
import { useOrderRows } from '../../store/use-order-rows';
import { useStaleThresholds, useViewParams } from '../../store/use-view-params';
import { ColumnsMenu } from './columns-menu';
import { ExportCsvButton } from './export-csv-button';
import { FilterSelect } from '../../components/filter-select';
import { OrdersGrid } from './orders-grid';
import { SearchBox } from '../../components/search-box';
import { StaleControls } from './stale-controls';
import { StatusChips } from './status-chips';
import { TotalsRow } from './totals-row';

/** The order table with its filters; every choice lives in the URL. */
export function OrdersTable() {
  const [params, update] = useViewParams();
  const thresholds = useStaleThresholds();
  const { statuses, staleOnly, side, engine, route, symbol, search } = params;
  const filter = useOrderFilter();
  const rows = useOrderRows(filter, params.sort);
  const filtered =
    statuses.length > 0 || staleOnly || side !== null || engine !== null || route !== null || symbol !== null || search.trim() !== '';
  const onSortChange = useCallback((sort: SortSpecs) => update({ sort }), [update]);
  const onSelect = useCallback((order: string) => update({ order }), [update]);
  const onSearch = useCallback((q: string) => update({ search: q }), [update]);

  return (
    <section className="orders-table" aria-label="Order table">
      <div className="toolbar">
        <StatusChips
          selected={statuses}
          staleOnly={staleOnly}
          staleCount={rows.staleCount}
          onChange={(s) => update({ statuses: s })}
          onStaleOnly={(on) => update({ staleOnly: on })}
        />
      </div>
      <div className="toolbar">
        <SearchBox value={search} onChange={onSearch} />
        <FilterSelect
          label="Side"
          value={side}
          options={['buy', 'sell']}
          onChange={(v) => update({ side: v === 'buy' || v === 'sell' ? v : null })}
        />
        <FilterSelect label="Engine" value={engine} options={rows.engines} onChange={(v) => update({ engine: v })} />
        <FilterSelect label="Route" value={route} options={rows.routes} onChange={(v) => update({ route: v })} />
        <FilterSelect label="Symbol" value={symbol} options={rows.symbols} onChange={(v) => update({ symbol: v })} />
        <StaleControls params={params} update={update} />
        <span className="toolbar__spacer" />
        <span className="toolbar__count num" aria-live="off">
          {formatCount(rows.orders.length)} shown
        </span>
        <ColumnsMenu />
        <ExportCsvButton orders={rows.orders} thresholds={thresholds} />
      </div>
      <OrdersGrid
        emptyText={filtered ? 'No orders match these filters.' : 'No orders yet: the relay has sent none.'}
        orders={rows.orders}
        thresholds={thresholds}
        sort={params.sort}
        onSortChange={onSortChange}
        selectedId={params.order}
        onSelect={onSelect}
      />
      <TotalsRow orders={rows.orders} />
    </section>
  );
}
