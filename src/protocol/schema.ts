import { z } from 'zod';
import { STATUSES } from '../core/status';
import { ID_MAX_BYTES, identifierProblem, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem } from './field-limits';

/** Year 9999: beyond it a timestamp cannot be written as ISO-8601, so it is unreadable. */
const MAX_EPOCH_SECONDS = 253_402_300_799;
/** ISO-8601 date or date-time; a space separator (Python's str(datetime)) is accepted too. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses a wire `ts` to epoch milliseconds (integer), or NaN when unreadable. */
export function parseTs(ts: string | number): number {
  if (typeof ts === 'number') {
    if (!Number.isFinite(ts) || ts < 0 || ts > MAX_EPOCH_SECONDS) return Number.NaN;
    return Math.round(ts * 1000);
  }
  if (!ISO_8601.test(ts)) return Number.NaN;
  let text = ts.replace(' ', 'T');
  // A date-time without an offset is UTC here (Python's naive utcnow().isoformat()), never browser-local.
  if (text.length > 10 && !HAS_OFFSET.test(text)) text += 'Z';
  // Date.parse keeps milliseconds only; trim longer fractions (Python gives microseconds).
  text = text.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_EPOCH_SECONDS * 1000 && isCalendarDate(text) ? ms : Number.NaN;
}

/** Date.parse rolls 2025-02-30 over to March 2; a day the month does not have is unreadable instead. */
function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A string `problem` finds nothing wrong with (field-limits.ts: bytes, hidden characters). */
function limited(problem: (text: string, maxBytes: number) => string | undefined, maxBytes: number) {
  return z.string().superRefine((text, ctx) => {
    const found = problem(text, maxBytes);
    if (found !== undefined) ctx.addIssue({ code: 'custom', message: found });
  });
}
const id = () => limited(identifierProblem, ID_MAX_BYTES);
const name = () => limited(identifierProblem, NAME_MAX_BYTES);
const nonEmpty = 'must be a non-empty string';
const amount = z.number().finite('must be a finite number').min(0, 'must be ≥ 0');
const ts = z.union([z.string(), z.number()], { error: 'must be an ISO-8601 string or Unix epoch seconds' }).transform((value, ctx) => {
  const ms = parseTs(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({
      code: 'custom',
      message: `unreadable timestamp ${JSON.stringify(value).slice(0, 60)} (want ISO-8601 or Unix epoch seconds)`,
    });
    return z.NEVER;
  }
  return ms;
});

const stamped = {
  ts,
  seq: z.number().int('must be an integer').refine(Number.isSafeInteger, 'must be a safe integer').optional(),
  engine: name().default(''),
  /** The relay's, on the stream only (core/events.ts); an engine has no reason to send it. */
  engine_ts: ts.optional(),
};
const base = { client_order_id: id().min(1, nonEmpty), ...stamped };

export const orderCreatedSchema = z.object({
  type: z.literal('order_created'),
  ...base,
  symbol: name().min(1, nonEmpty),
  side: z.enum(['buy', 'sell']),
  size_usd: z.number().finite('must be a finite number').gt(0, 'must be > 0'),
  route: name(),
});

export const orderTransitionSchema = z.object({
  type: z.literal('order_transition'),
  ...base,
  status: z.enum(STATUSES),
  order_id: id().optional(),
  reason: limited(textProblem, REASON_MAX_BYTES).optional(),
});

export const orderFillSchema = z.object({
  type: z.literal('order_fill'),
  ...base,
  filled_size: amount,
  filled_value: amount,
  fees: amount,
});

/** An engine's "still here" (issue 16): no order, its engine named. */
export const engineHeartbeatSchema = z.object({
  type: z.literal('engine_heartbeat'),
  ...stamped,
  engine: name().min(1, nonEmpty),
});

export const EVENT_SCHEMAS = {
  order_created: orderCreatedSchema,
  order_transition: orderTransitionSchema,
  order_fill: orderFillSchema,
  engine_heartbeat: engineHeartbeatSchema,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];
