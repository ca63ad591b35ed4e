import type { Side } from './order';
import type { Status } from './status';

interface EventBase {
  readonly client_order_id: string;
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly seq?: number | undefined;
  readonly engine: string;
}

export interface OrderCreated extends EventBase {
  readonly type: 'order_created';
  readonly symbol: string;
  readonly side: Side;
  readonly size_usd: number;
  readonly route: string;
}

export interface OrderTransition extends EventBase {
  readonly type: 'order_transition';
  readonly status: Status;
  readonly order_id?: string | undefined;
  readonly reason?: string | undefined;
}

/** Cumulative totals so far, not increments. */
export interface OrderFill extends EventBase {
  readonly type: 'order_fill';
  readonly filled_size: number;
  readonly filled_value: number;
  readonly fees: number;
}

/** An event the core applies: already decoded and validated at the edge. */
export type OrderEvent = OrderCreated | OrderTransition | OrderFill;
