import type { ColDef, GetRowIdParams, GridApi, GridReadyEvent, ValueFormatterParams } from 'ag-grid-community';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { Order } from '../../../../src/core/order';
import { formatAge, formatClock, formatPct, formatPrice, formatUsd } from '../../../../src/lib/format';
import { useDashboard } from '../../../../src/store/dashboard-context';
import type { Dashboard } from '../../../../src/store/dashboard-store';
import { orderAgeSec } from '../../../../src/store/order-sort';
import { defaultRank } from '../default-rank';

ModuleRegistry.registerModules([AllCommunityModule]);

const usd = (p: ValueFormatterParams<Order, number | null>): string => formatUsd(p.value ?? null);

function columns(dashboard: Dashboard): ColDef<Order>[] {
  const text = (field: keyof Order, headerName: string, width: number): ColDef<Order> => ({
    colId: field,
    headerName,
    width,
    valueGetter: (p) => p.data?.[field] ?? '—',
  });
  return [
    { colId: 'rank', hide: true, sort: 'asc', valueGetter: (p) => (p.data ? defaultRank(p.data, dashboard) : 0) },
    {
      colId: 'age',
      headerName: 'Age',
      width: 88,
      valueGetter: (p) => (p.data ? orderAgeSec(p.data, dashboard.relayNow()) : 0),
      valueFormatter: (p) => formatAge(p.value as number),
    },
    text('status', 'Status', 150),
    text('symbol', 'Symbol', 110),
    { colId: 'side', headerName: 'Side', width: 70, valueGetter: (p) => (p.data?.side === 'buy' ? 'Buy' : 'Sell') },
    { colId: 'size_usd', headerName: 'Size USD', width: 110, valueGetter: (p) => p.data?.size_usd ?? null, valueFormatter: usd },
    {
      colId: 'fill_pct',
      headerName: 'Fill %',
      width: 100,
      valueGetter: (p) => p.data?.fill_pct ?? 0,
      valueFormatter: (p) => formatPct(p.value as number),
    },
    { colId: 'filled_value', headerName: 'Filled', width: 120, valueGetter: (p) => p.data?.filled_value ?? null, valueFormatter: usd },
    {
      colId: 'avg_price',
      headerName: 'Avg price',
      width: 110,
      valueGetter: (p) => p.data?.avg_price ?? null,
      valueFormatter: (p) => formatPrice(p.value as number | null),
    },
    { colId: 'fees', headerName: 'Fees', width: 90, valueGetter: (p) => p.data?.fees ?? null, valueFormatter: usd },
    text('client_order_id', 'Client order id', 160),
    text('order_id', 'Exchange id', 140),
    text('engine', 'Engine', 90),
    text('route', 'Route', 80),
    {
      colId: 'last_update_at',
      headerName: 'Updated',
      width: 90,
      valueGetter: (p) => p.data?.last_update_at ?? null,
      valueFormatter: (p) => formatClock(p.value as number | null),
    },
  ];
}

/**
 * Benchmark only: AG Grid Community in its documented high-frequency setup (row ids,
 * applyTransactionAsync, value formatters instead of cell renderers, no row animation), fed
 * from the same store: each committed frame's changed orders become one async transaction.
 */
export function AgOrdersGrid() {
  const dashboard = useDashboard();
  const api = useRef<GridApi<Order> | null>(null);
  const known = useRef(new Set<string>());
  const columnDefs = useMemo(() => columns(dashboard), [dashboard]);

  useEffect(() => {
    const changed = new Set<string>();
    const reset = (): void => {
      changed.clear();
      const rows = [...dashboard.book().orders.values()];
      known.current = new Set(rows.map((o) => o.client_order_id));
      api.current?.setGridOption('rowData', rows);
    };
    const offReset = dashboard.onReset(() => queueMicrotask(reset));
    const offApplied = dashboard.onApplied((item) => {
      if (item.event.type !== 'engine_heartbeat') changed.add(item.event.client_order_id);
    });
    const offVersion = dashboard.store.subscribe((state, previous) => {
      if (state.version === previous.version || changed.size === 0 || api.current === null) return;
      const add: Order[] = [];
      const update: Order[] = [];
      for (const id of changed) {
        const order = dashboard.book().orders.get(id);
        if (order === undefined) continue;
        if (known.current.has(id)) update.push(order);
        else {
          known.current.add(id);
          add.push(order);
        }
      }
      changed.clear();
      api.current.applyTransactionAsync({ add, update });
    });
    // Ages move with the clock: one refresh of that column a second, like our 1 Hz clock.
    const tick = window.setInterval(() => api.current?.refreshCells({ columns: ['age'] }), 1000);
    return () => {
      offReset();
      offApplied();
      offVersion();
      window.clearInterval(tick);
    };
  }, [dashboard]);

  const onGridReady = (event: GridReadyEvent<Order>): void => {
    api.current = event.api;
    const rows = [...dashboard.book().orders.values()];
    known.current = new Set(rows.map((o) => o.client_order_id));
    event.api.setGridOption('rowData', rows);
  };

  return (
    <div style={{ height: '100%', minHeight: 600, width: '100%' }}>
      <AgGridReact<Order>
        columnDefs={columnDefs}
        getRowId={(p: GetRowIdParams<Order>) => p.data.client_order_id}
        onGridReady={onGridReady}
        animateRows={false}
        rowBuffer={10}
      />
    </div>
  );
}
