import type { Order } from '../../../src/core/order';
import { isActive } from '../../../src/core/status';
import type { Dashboard } from '../../../src/store/dashboard-store';

/**
 * Our default order as one number, for the peer grids that sort on a single column: stale first,
 * then active, then terminal; oldest first within stale and active, newest finished first.
 */
export function defaultRank(order: Order, dashboard: Dashboard): number {
  const now = dashboard.relayNow();
  const staleAfter = dashboard.store.getState().relayStaleAfterSec;
  const active = isActive(order.status);
  const stale = active && (now - order.created_at) / 1000 > staleAfter;
  const rank = stale ? 0 : active ? 1 : 2;
  const key = rank < 2 ? order.created_at : -(order.completed_at ?? order.last_update_at);
  return rank * 1e14 + key;
}
