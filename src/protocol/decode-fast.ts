import type { OrderEvent } from '../core/events';
import { createdEvent, fillEvent, heartbeatEvent, transitionEvent } from '../core/events';
import type { Status } from '../core/status';
import { STATUSES } from '../core/status';
import { ID_MAX_BYTES, identifierProblem, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem } from './field-limits';
import { parseTs } from './iso-time';

/*
 * A hand-written check of wire v1 for the events that pass it, because zod cost about half of
 * the relay's decode time and ran again in every browser and cluster relay. It only ever says
 * "valid, and here is the event" or "not sure": everything it does not accept goes on to the zod
 * schema (schema.ts), which stays the definition and the one source of error messages. So each
 * test below must be at least as strict as the schema's; decode-fast.property.test.ts checks
 * that both agree on generated valid and near-valid events.
 */

type Fields = { readonly [key: string]: unknown };

const STATUS_SET: ReadonlySet<unknown> = new Set<Status>(STATUSES);

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** zod's `number().finite().min(0)`. */
function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && identifierProblem(value, ID_MAX_BYTES) === undefined;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && identifierProblem(value, NAME_MAX_BYTES) === undefined;
}

/** Absent or undefined gives undefined, as zod's `optional()` does. */
function isOptionalId(value: unknown): value is string | undefined {
  return value === undefined || isId(value);
}

function isOptionalReason(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && textProblem(value, REASON_MAX_BYTES) === undefined);
}

/**
 * The event in its canonical shape when `value` passes wire v1 by the fast checks; undefined
 * when it does not (or might not): the caller then asks the schema.
 * @example decodeFast({ type: 'order_fill', client_order_id: 'a', ts: 1, filled_size: 1, filled_value: 1, fees: 0 })?.ts // 1000
 */
export function decodeFast(value: object): OrderEvent | undefined {
  const v = value as Fields;
  // Rare (the relay's mark on a far-future event): the schema reads it.
  if (v.engine_ts !== undefined) return undefined;
  const id = v.client_order_id;
  const heartbeat = v.type === 'engine_heartbeat';
  if (!heartbeat && (!isNonEmpty(id) || !isId(id))) return undefined;
  const rawTs = v.ts;
  if (typeof rawTs !== 'number' && typeof rawTs !== 'string') return undefined;
  const ts = parseTs(rawTs);
  if (Number.isNaN(ts)) return undefined;
  const seq = v.seq;
  if (seq !== undefined && !Number.isSafeInteger(seq)) return undefined;
  const engine = v.engine === undefined ? '' : v.engine;
  if (!isName(engine)) return undefined;
  // Number.isSafeInteger narrows nothing: seq is a number or undefined past the check above.
  const s = seq as number | undefined;
  if (heartbeat) return isNonEmpty(engine) ? heartbeatEvent(ts, s, engine) : undefined;
  const coid = id as string;
  switch (v.type) {
    case 'order_fill': {
      const { filled_size: size, filled_value: filled, fees } = v;
      if (!isAmount(size) || !isAmount(filled) || !isAmount(fees)) return undefined;
      return fillEvent(coid, ts, s, engine, size, filled, fees);
    }
    case 'order_transition': {
      const { status, order_id: orderId, reason } = v;
      if (!STATUS_SET.has(status) || !isOptionalId(orderId) || !isOptionalReason(reason)) return undefined;
      return transitionEvent(coid, ts, s, engine, status as Status, orderId, reason);
    }
    case 'order_created': {
      const { symbol, side, size_usd: size, route } = v;
      if (!isNonEmpty(symbol) || !isName(symbol) || (side !== 'buy' && side !== 'sell') || !isName(route)) return undefined;
      if (typeof size !== 'number' || !Number.isFinite(size) || !(size > 0)) return undefined;
      return createdEvent(coid, ts, s, engine, symbol, side, size, route);
    }
    default:
      return undefined;
  }
}
