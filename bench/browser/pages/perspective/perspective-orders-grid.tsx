import type { Table } from '@perspective-dev/client';
import '@perspective-dev/viewer/dist/css/pro-dark.css';
import { useEffect, useRef } from 'react';
import { useDashboard } from '../../../../src/store/dashboard-context';
import { clockColumns, INDEX, ORDER_SCHEMA, orderColumns, RANK, VISIBLE_COLUMNS } from './order-columns';
import { startPerspective } from './perspective-engine';

const TABLE = 'orders';

/**
 * Benchmark only: FINOS Perspective 5 in its documented streaming setup, fed from the same
 * store: a table indexed on the client order id in the engine's Web Worker, each committed
 * frame's changed orders sent as one columnar `table.update`, the datagrid plugin sorted on the
 * hidden rank (stale first, then active, then finished), render throttling left adaptive (its
 * docs: throttle from the measured render time of the last five frames).
 */
export function PerspectiveOrdersGrid() {
  const dashboard = useDashboard();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const changed = new Set<string>();
    let table: Table | null = null;
    let disposed = false;
    const viewer = document.createElement('perspective-viewer');
    viewer.style.cssText = 'display: block; width: 100%; height: 100%;';
    host.current?.appendChild(viewer);
    const send = (update: Promise<unknown>): void => void update.catch((error: unknown) => console.error('perspective update', error));

    const offReset = dashboard.onReset(() =>
      queueMicrotask(() => {
        changed.clear();
        if (table !== null) send(table.replace(orderColumns(dashboard.book().orders.values(), dashboard)));
      }),
    );
    const offApplied = dashboard.onApplied((item) => {
      if (item.event.type !== 'engine_heartbeat') changed.add(item.event.client_order_id);
    });
    const offVersion = dashboard.store.subscribe((state, previous) => {
      if (state.version === previous.version || changed.size === 0 || table === null) return;
      const orders = dashboard.book().orders;
      const rows = [];
      for (const id of changed) {
        const order = orders.get(id);
        if (order !== undefined) rows.push(order);
      }
      changed.clear();
      send(table.update(orderColumns(rows, dashboard)));
    });
    // Ages move with the clock: once a second, like our 1 Hz clock and the AG Grid variant's refresh.
    const tick = window.setInterval(() => {
      if (table !== null) send(table.update(clockColumns(dashboard.book().orders.values(), dashboard)));
    }, 1000);

    void (async () => {
      const client = await startPerspective();
      if (disposed) return;
      const created = await client.table(ORDER_SCHEMA, { index: INDEX, name: TABLE });
      changed.clear();
      await created.update(orderColumns(dashboard.book().orders.values(), dashboard));
      table = created;
      if (disposed) return;
      await viewer.load(client);
      viewer.setThrottle(null);
      await viewer.restore({
        table: TABLE,
        plugin: 'Datagrid',
        columns: [...VISIBLE_COLUMNS],
        sort: [[RANK, 'asc']],
        settings: false,
        theme: 'Pro Dark',
      });
    })().catch((error: unknown) => console.error('perspective start', error));

    return () => {
      disposed = true;
      offReset();
      offApplied();
      offVersion();
      window.clearInterval(tick);
      void viewer
        .delete()
        .then(() => table?.delete())
        .catch(() => {});
      viewer.remove();
    };
  }, [dashboard]);

  return <div ref={host} className="perspective-orders" style={{ height: '100%', minHeight: 600, width: '100%' }} />;
}
