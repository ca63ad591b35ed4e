import { z } from 'zod';
import type { Alert } from '../core/alert';
import { ALERT_RULES } from '../core/alert';
import type { EngineHealth } from '../core/alert-rules';
import { identifierProblem, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem } from './field-limits';

/*
 * The alert wire (issue 16): the stream's `alerts` and `engines` messages and the bodies of the
 * operator's requests, each encoder beside its decoder. Alert state changes travel as their own
 * messages, not as order events: they never touch the book or its rseq.
 */

/** The stream's `alerts` message: `reset` replaces what the client holds, otherwise the alerts are upserted by id. */
export interface AlertsMessage {
  readonly reset: boolean;
  readonly alerts: readonly Alert[];
  /** On a reset: the relay's per-status stale limits (seconds, null = off), so every dashboard marks stale what the relay alerts on. */
  readonly stale_rules?: StaleRulesJson | undefined;
}

export interface StaleRulesJson {
  readonly new_ack_s: number | null;
  readonly open_no_fill_s: number | null;
  readonly partial_no_fill_s: number | null;
}

/** The stream's `engines` message: each engine's health on the relay's clock, once per evaluation. */
export interface EnginesMessage {
  readonly now: number;
  readonly engines: readonly EngineHealth[];
  readonly stale_total: number;
}

/** Alerts per `alerts` message: each stays well under the stream's message size bound (sse-format.ts). */
export const ALERTS_PER_MESSAGE = 500;

export function alertsMessages(alerts: readonly Alert[], reset: boolean, staleRules?: StaleRulesJson): string[] {
  const out: string[] = [];
  for (let from = 0; from < alerts.length || (reset && from === 0); from += ALERTS_PER_MESSAGE) {
    const first = reset && from === 0;
    const body: AlertsMessage = {
      reset: first,
      alerts: alerts.slice(from, from + ALERTS_PER_MESSAGE),
      ...(first && staleRules !== undefined ? { stale_rules: staleRules } : {}),
    };
    out.push(`event: alerts\ndata: ${JSON.stringify(body)}\n\n`);
  }
  return out;
}

export function enginesMessage(message: EnginesMessage): string {
  return `event: engines\ndata: ${JSON.stringify(message)}\n\n`;
}

const text = (max: number) => z.string().refine((t) => textProblem(t, max) === undefined, `must be text of at most ${max} bytes`);
const who = z
  .string()
  .min(1, 'must be a non-empty string')
  .refine(
    (t) => identifierProblem(t, NAME_MAX_BYTES) === undefined,
    `must be a name of at most ${NAME_MAX_BYTES} bytes, no hidden characters`,
  );

const subjectSchema = z.object({
  kind: z.enum(['order', 'engine', 'relay']),
  id: z.string(),
  engine: z.string().nullable(),
  symbol: z.string().nullable(),
});
const ackSchema = z.object({ by: z.string(), at: z.number(), comment: z.string() });
const alertSchema = z.object({
  id: z.string(),
  key: z.string(),
  rule: z.enum(ALERT_RULES),
  severity: z.enum(['warning', 'critical']),
  subject: subjectSchema,
  summary: z.string(),
  started_at: z.number(),
  state: z.enum(['firing', 'acknowledged', 'snoozed', 'resolved']),
  ack: ackSchema.nullable(),
  snoozed_until: z.number().nullable(),
  silenced_by: z.string().nullable(),
  resolved_at: z.number().nullable(),
});
const limit = z.number().nonnegative().nullable();
const alertsMessageSchema = z.object({
  reset: z.boolean(),
  alerts: z.array(alertSchema),
  stale_rules: z.object({ new_ack_s: limit, open_no_fill_s: limit, partial_no_fill_s: limit }).optional(),
});
const engineSchema = z.object({
  engine: z.string(),
  last_ts: z.number(),
  active: z.number(),
  stale: z.number(),
  rejected: z.number(),
  silent: z.boolean(),
  events_per_s: z.number().optional(),
});
const enginesMessageSchema = z.object({ now: z.number(), engines: z.array(engineSchema), stale_total: z.number() });

function parsed<T>(schema: z.ZodType<T>, data: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : null;
}

/** An `alerts` message's data, or null when it is not one (counted by the caller, never thrown). */
export function parseAlertsMessage(data: string): AlertsMessage | null {
  return parsed(alertsMessageSchema, data);
}

export function parseEnginesMessage(data: string): EnginesMessage | null {
  return parsed(enginesMessageSchema, data);
}

/** The longest snooze or silence: a week, so nothing is silenced by a slip of the keyboard forever. */
export const MAX_QUIET_MINUTES = 7 * 24 * 60;

export const ackRequestSchema = z.object({ by: who, comment: text(REASON_MAX_BYTES).default('') });
export const snoozeRequestSchema = z.object({
  by: who,
  minutes: z.number().positive('must be > 0').max(MAX_QUIET_MINUTES, `must be at most ${MAX_QUIET_MINUTES} (a week)`),
});
export const unackRequestSchema = z.object({ by: who });
export const silenceRequestSchema = z
  .object({
    by: who,
    comment: text(REASON_MAX_BYTES).default(''),
    minutes: z.number().positive('must be > 0').max(MAX_QUIET_MINUTES, `must be at most ${MAX_QUIET_MINUTES} (a week)`),
    matcher: z.object({ rule: z.enum(ALERT_RULES).optional(), engine: z.string().optional(), symbol: z.string().optional() }),
  })
  .refine((s) => s.matcher.rule !== undefined || s.matcher.engine !== undefined || s.matcher.symbol !== undefined, {
    message: 'must name at least one of rule, engine, symbol (a silence of everything hides every alert)',
    path: ['matcher'],
  });

export type AckRequest = z.infer<typeof ackRequestSchema>;
export type SnoozeRequest = z.infer<typeof snoozeRequestSchema>;
export type SilenceRequest = z.infer<typeof silenceRequestSchema>;

/** A request body checked against `schema`, or the first problem as `field: message`. */
export function readRequest<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
  let at: unknown = value;
  for (const key of issue?.path ?? []) at = typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  const missing = issue !== undefined && issue.path.length > 0 && at === undefined;
  return { ok: false, error: `${path}: ${missing ? 'is required' : (issue?.message ?? 'invalid')}` };
}
