import { z } from 'zod';
import { STATUSES } from '../core/status';
import { ID_MAX_BYTES, identifierProblem, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem } from './field-limits';
import { parseTs } from './iso-time';

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
