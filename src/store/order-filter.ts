import type { Order, Side } from '../core/order';
import type { Status } from '../core/status';

export interface OrderFilter {
  /** Empty: every status. */
  readonly statuses: readonly Status[];
  readonly staleOnly: boolean;
  readonly side: Side | null;
  readonly engine: string | null;
  readonly route: string | null;
  readonly symbol: string | null;
  /** Case-insensitive substring of client order id, exchange order id or symbol. */
  readonly search: string;
}

export const NO_FILTER: OrderFilter = { statuses: [], staleOnly: false, side: null, engine: null, route: null, symbol: null, search: '' };

export function matchesSearch(order: Order, needle: string): boolean {
  if (needle === '') return true;
  return (
    order.client_order_id.toLowerCase().includes(needle) ||
    order.symbol.toLowerCase().includes(needle) ||
    (order.order_id !== null && order.order_id.toLowerCase().includes(needle))
  );
}
