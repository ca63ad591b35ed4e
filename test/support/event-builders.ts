import type { OrderCreated, OrderFill, OrderTransition } from '../../src/core/events';
import type { Status } from '../../src/core/status';

/** 2025-11-23T00:00:00Z: tests count time from here, in epoch milliseconds. */
export const T0 = Date.UTC(2025, 10, 23);

type Extra<E> = Partial<Omit<E, 'type'>>;

export function created(id: string, extra: Extra<OrderCreated> = {}): OrderCreated {
  return {
    type: 'order_created',
    client_order_id: id,
    ts: T0,
    engine: '',
    symbol: 'BTC-USD',
    side: 'buy',
    size_usd: 1000,
    route: 'paper',
    ...extra,
  };
}

export function moved(id: string, status: Status, extra: Extra<OrderTransition> = {}): OrderTransition {
  return { type: 'order_transition', client_order_id: id, ts: T0 + 1000, engine: '', status, ...extra };
}

/** Cumulative totals: `filled(id, 400)` is 400 USD filled so far at price 100_000. */
export function filled(id: string, filledValue: number, extra: Extra<OrderFill> = {}): OrderFill {
  return {
    type: 'order_fill',
    client_order_id: id,
    ts: T0 + 2000,
    engine: '',
    filled_size: filledValue / 100_000,
    filled_value: filledValue,
    fees: filledValue * 0.004,
    ...extra,
  };
}
