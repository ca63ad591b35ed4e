import type { ColumnType } from '@perspective-dev/client';
import type { Order } from '../../../../src/core/order';
import { isActive } from '../../../../src/core/status';
import type { Dashboard } from '../../../../src/store/dashboard-store';
import { orderAgeSec } from '../../../../src/store/order-sort';
import { defaultRank } from '../default-rank';

interface OrderColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (order: Order, dashboard: Dashboard, now: number) => string | number | null;
}

/** The index: Perspective replaces the row with the same id in place. */
export const INDEX = 'Client order id';
/** Hidden sort key (default-rank.ts): the 14 columns the operator sees come after it. */
export const RANK = 'rank';

/**
 * The same 14 columns as our table and the AG Grid variant, as Perspective columns. Typed
 * (float, integer, datetime) rather than preformatted strings: Perspective keeps strings as a
 * dictionary per column, and numbers are its fast path; the datagrid formats them.
 */
export const ORDER_COLUMNS: readonly OrderColumn[] = [
  { name: RANK, type: 'float', value: (o, d) => defaultRank(o, d) },
  { name: 'Age (s)', type: 'integer', value: (o, _d, now) => Math.floor(orderAgeSec(o, now)) },
  { name: 'Status', type: 'string', value: (o) => o.status },
  { name: 'Symbol', type: 'string', value: (o) => o.symbol },
  { name: 'Side', type: 'string', value: (o) => (o.side === 'buy' ? 'Buy' : 'Sell') },
  { name: 'Size USD', type: 'float', value: (o) => o.size_usd },
  { name: 'Fill %', type: 'float', value: (o) => o.fill_pct },
  { name: 'Filled', type: 'float', value: (o) => o.filled_value },
  { name: 'Avg price', type: 'float', value: (o) => o.avg_price },
  { name: 'Fees', type: 'float', value: (o) => o.fees },
  { name: INDEX, type: 'string', value: (o) => o.client_order_id },
  { name: 'Exchange id', type: 'string', value: (o) => o.order_id },
  { name: 'Engine', type: 'string', value: (o) => o.engine },
  { name: 'Route', type: 'string', value: (o) => o.route },
  { name: 'Updated', type: 'datetime', value: (o) => o.last_update_at },
];

export const VISIBLE_COLUMNS: readonly string[] = ORDER_COLUMNS.filter((c) => c.name !== RANK).map((c) => c.name);

export const ORDER_SCHEMA: Record<string, ColumnType> = Object.fromEntries(ORDER_COLUMNS.map((c) => [c.name, c.type]));

/** Orders as one columnar update (Perspective's fastest JSON form): one array per column. */
export function orderColumns(orders: Iterable<Order>, dashboard: Dashboard, columns = ORDER_COLUMNS): Record<string, unknown[]> {
  const now = dashboard.relayNow();
  const out: Record<string, unknown[]> = {};
  for (const c of columns) out[c.name] = [];
  for (const order of orders) for (const c of columns) out[c.name]!.push(c.value(order, dashboard, now));
  return out;
}

const CLOCK_COLUMNS = ORDER_COLUMNS.filter((c) => c.name === INDEX || c.name === RANK || c.name === 'Age (s)');

/**
 * What the clock alone changes, as a partial update (an indexed table keeps the columns left
 * out): the age and rank of working orders. Finished orders' ages are frozen lifetimes.
 */
export function clockColumns(orders: Iterable<Order>, dashboard: Dashboard): Record<string, unknown[]> {
  const working: Order[] = [];
  for (const order of orders) if (isActive(order.status)) working.push(order);
  return orderColumns(working, dashboard, CLOCK_COLUMNS);
}
