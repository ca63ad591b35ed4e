import type { OrderFill } from './events';
import type { FillEntry, Order } from './order';
import { appendExact, MAX_FILLS_KEPT } from './order';
import type { Status } from './status';

/** The engine rounds: 99.9% filled is filled. */
export const FULL_FILL_PCT = 99.9;
/** Beyond rounding: more than this is an overfill worth flagging. */
export const OVERFILL_PCT = 100.1;

/** Unclamped fill percentage: what the auto-transition and overfill checks use. */
export function rawFillPct(filledValue: number, sizeUsd: number): number {
  return (filledValue / sizeUsd) * 100;
}

/** fill_pct as shown: min(100, filled_value / size_usd × 100). */
export function fillPct(filledValue: number, sizeUsd: number): number {
  return Math.min(100, rawFillPct(filledValue, sizeUsd));
}

/**
 * Where a fill moves an order, before the transition table is consulted.
 * @example autoTransitionTarget('OPEN', 40) // 'PARTIAL_FILL'
 */
export function autoTransitionTarget(status: Status, rawPct: number): Status | null {
  if (rawPct >= FULL_FILL_PCT) return 'FILLED';
  if (rawPct > 0 && status === 'OPEN') return 'PARTIAL_FILL';
  return null;
}

/** Stores cumulative totals and derived metrics; records the fill when anything moved. */
export function applyFillTotals(order: Order, event: OrderFill): void {
  const changed = event.filled_size !== order.filled_size || event.filled_value !== order.filled_value || event.fees !== order.fees;
  if (!changed) return;
  order.filled_size = event.filled_size;
  order.filled_value = event.filled_value;
  order.fees = event.fees;
  const avg = event.filled_value / event.filled_size;
  // A denormal size (5e-324) gives Infinity, which JSON would silently print as null anyway.
  order.avg_price = event.filled_size > 0 && Number.isFinite(avg) ? avg : null;
  order.fill_pct = fillPct(event.filled_value, order.size_usd);
  if (order.first_fill_at === null && (event.filled_size > 0 || event.filled_value > 0)) {
    order.first_fill_at = event.ts;
  }
  const entry: FillEntry = { at: event.ts, filled_size: event.filled_size, filled_value: event.filled_value, fees: event.fees };
  order.fills = appendExact(order.fills, entry, MAX_FILLS_KEPT);
  order.last_update_at = event.ts;
  order.rev++;
}
