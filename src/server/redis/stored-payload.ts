import type { OrderEvent } from '../../core/events';
import { isStatus } from '../../core/status';

/**
 * Reads an event payload back from the day's stream. Every payload there was written by a
 * relay's append step from an event that passed the full wire decode (rule 1), in the one
 * canonical form `encodeEventPayload` makes: wire v1, `ts` in epoch seconds, `engine` filled
 * in, no other keys. So every relay reading every event need not run the full decode again:
 * a plain check of each field's JSON type suffices to keep the core safe from anything else
 * that landed in the stream (another tool, another version), which is reported, never thrown.
 * Because unknown keys are refused, the payload text itself can serve as the event's wire JSON.
 */
export type StoredPayload = { readonly ok: true; readonly event: OrderEvent } | { readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;
/** A field's check; required fields fail on `undefined`. */
type FieldCheck = (value: unknown) => boolean;

const text = (value: unknown): boolean => typeof value === 'string';
const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string';
const amount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const positive = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;
const optionalSeq = (value: unknown): boolean => value === undefined || Number.isSafeInteger(value);

const BASE: Record<string, FieldCheck> = { type: text, client_order_id: nonEmpty, ts: amount, seq: optionalSeq, engine: text };

const FIELDS: Record<OrderEvent['type'], Record<string, FieldCheck>> = {
  order_created: { ...BASE, symbol: nonEmpty, side: (v) => v === 'buy' || v === 'sell', size_usd: positive, route: text },
  order_transition: { ...BASE, status: isStatus, order_id: optionalText, reason: optionalText },
  order_fill: { ...BASE, filled_size: amount, filled_value: amount, fees: amount },
};

/** The same checks as arrays: the loop below runs for every event of the cluster. */
const CHECKS = Object.fromEntries(Object.entries(FIELDS).map(([type, fields]) => [type, Object.entries(fields)])) as Record<
  OrderEvent['type'],
  [string, FieldCheck][]
>;

function fail(error: string): StoredPayload {
  return { ok: false, error };
}

export function readStoredPayload(payload: string): StoredPayload {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return fail('payload is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('payload is not an object');
  const json = value as Json;
  const type = json.type;
  if (type !== 'order_created' && type !== 'order_transition' && type !== 'order_fill') return fail('payload has no known event type');
  for (const [key, check] of CHECKS[type]) if (!check(json[key])) return fail(`payload field ${key} is missing or not canonical`);
  for (const key in json) if (!Object.hasOwn(FIELDS[type], key)) return fail(`payload has an unexpected field ${JSON.stringify(key).slice(0, 60)}`);
  // The core keeps ts in epoch ms, rounded as the full decode rounds it (parseTs).
  json.ts = Math.round((json.ts as number) * 1000);
  return { ok: true, event: json as unknown as OrderEvent };
}
