import type { Side } from './order';
import type { Status } from './status';

interface Stamped {
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly seq?: number | undefined;
  readonly engine: string;
  /**
   * Set by the relay only, on an event stamped more than `--max-future-s` ahead of its clock: the
   * engine's own ts. `ts` is then the relay's receive time, so the order ages and can turn stale
   * from when the relay saw it (a ts in year 9999 would otherwise never be stale).
   */
  readonly engine_ts?: number | undefined;
}

interface EventBase extends Stamped {
  readonly client_order_id: string;
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

/**
 * An engine saying it is alive while it has nothing to report (issue 16): it keeps the engine
 * from looking silent. It names no order; it counts for dedup when it carries a `seq`.
 */
export interface EngineHeartbeat extends Stamped {
  readonly type: 'engine_heartbeat';
}

/** An event about one order. */
export type OrderLifecycleEvent = OrderCreated | OrderTransition | OrderFill;

/** An event the core applies: already decoded and validated at the edge. */
export type OrderEvent = OrderLifecycleEvent | EngineHeartbeat;

/** The order an event is about; undefined for an engine heartbeat. */
export function orderIdOf(event: OrderEvent): string | undefined {
  return event.type === 'engine_heartbeat' ? undefined : event.client_order_id;
}

/*
 * Builders for the one property order each event type has: every field present, optional ones
 * `undefined` when absent. The decoder and the generators build events only through these, so the
 * core's property loads see three object shapes instead of one per combination of optional fields
 * (five in an engine-like stream), which made them megamorphic.
 */

export function createdEvent(
  clientOrderId: string,
  ts: number,
  seq: number | undefined,
  engine: string,
  symbol: string,
  side: Side,
  sizeUsd: number,
  route: string,
): OrderCreated {
  return { type: 'order_created', client_order_id: clientOrderId, ts, seq, engine, symbol, side, size_usd: sizeUsd, route };
}

export function transitionEvent(
  clientOrderId: string,
  ts: number,
  seq: number | undefined,
  engine: string,
  status: Status,
  orderId: string | undefined,
  reason: string | undefined,
): OrderTransition {
  return { type: 'order_transition', client_order_id: clientOrderId, ts, seq, engine, status, order_id: orderId, reason };
}

export function fillEvent(
  clientOrderId: string,
  ts: number,
  seq: number | undefined,
  engine: string,
  filledSize: number,
  filledValue: number,
  fees: number,
): OrderFill {
  return { type: 'order_fill', client_order_id: clientOrderId, ts, seq, engine, filled_size: filledSize, filled_value: filledValue, fees };
}

/**
 * The same event in its type's canonical shape (values untouched).
 * @example canonicalEvent({ type: 'order_fill', client_order_id: 'a', ts: 0, engine: '', filled_size: 1, filled_value: 1, fees: 0 })
 */
export function canonicalEvent(event: OrderEvent): OrderEvent {
  const shaped = canonicalShape(event);
  return event.engine_ts === undefined ? shaped : { ...shaped, engine_ts: event.engine_ts };
}

export function heartbeatEvent(ts: number, seq: number | undefined, engine: string): EngineHeartbeat {
  return { type: 'engine_heartbeat', ts, seq, engine };
}

function canonicalShape(event: OrderEvent): OrderEvent {
  if (event.type === 'engine_heartbeat') return heartbeatEvent(event.ts, event.seq, event.engine);
  const { client_order_id: id, ts, seq, engine } = event;
  switch (event.type) {
    case 'order_created':
      return createdEvent(id, ts, seq, engine, event.symbol, event.side, event.size_usd, event.route);
    case 'order_transition':
      return transitionEvent(id, ts, seq, engine, event.status, event.order_id, event.reason);
    case 'order_fill':
      return fillEvent(id, ts, seq, engine, event.filled_size, event.filled_value, event.fees);
  }
}
