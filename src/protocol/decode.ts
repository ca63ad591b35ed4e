import type { z } from 'zod';
import type { OrderEvent } from '../core/events';
import { canonicalEvent } from '../core/events';
import { decodeFast } from './decode-fast';
import type { EventType } from './schema';
import { EVENT_SCHEMAS, EVENT_TYPES } from './schema';

export type Decoded = { readonly ok: true; readonly event: OrderEvent } | { readonly ok: false; readonly error: string };

function fail(error: string): Decoded {
  return { ok: false, error };
}

function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_SCHEMAS, value);
}

/** Names the first problem: `size_usd: must be > 0`. */
function describe(error: z.ZodError, value: object): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid event';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'event';
  // zod 4 leaves `issue.input` unset by default, so look the field up: only an absent one is "required".
  const key = issue.path[0];
  const missing = issue.path.length === 1 && typeof key === 'string' && (value as Record<string, unknown>)[key] === undefined;
  const message = missing ? 'is required' : issue.message;
  return `${path}: ${message}`;
}

/**
 * Checks an already-parsed JSON value against wire format v1. The event comes back in its
 * type's canonical shape (core/events.ts), whichever path checked it.
 * @example decodeEvent({ type: 'order_fill', client_order_id: 'a', ts: 1732406400, filled_size: 1, filled_value: 10, fees: 0 })
 */
export function decodeEvent(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnObject(value);
  const event = decodeFast(value);
  return event !== undefined ? { ok: true, event } : decodeWithSchema(value);
}

/**
 * The event when `value` is one, else undefined: `decodeEvent` without its result object, for
 * readers that only count what fails (every cluster relay reads every event).
 */
export function eventOf(value: unknown): OrderEvent | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const event = decodeFast(value);
  if (event !== undefined) return event;
  const decoded = decodeWithSchema(value);
  return decoded.ok ? decoded.event : undefined;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function notAnObject(value: unknown): Decoded {
  return fail(`not a JSON object (got ${kindOf(value)})`);
}

/** The schema alone: what the fast path must agree with, and where every error message comes from. */
export function decodeWithSchema(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnObject(value);
  const type = (value as { type?: unknown }).type;
  if (!isEventType(type)) {
    // Only a string is shown: stringifying a deeply nested value would overflow the stack.
    const shown =
      type === undefined
        ? 'missing'
        : typeof type === 'string'
          ? JSON.stringify(type.slice(0, 60))
          : typeof type === 'number' || typeof type === 'boolean'
            ? String(type)
            : `(${kindOf(type)})`;
    return fail(`type: unknown event type ${shown} (want one of ${EVENT_TYPES.join(', ')})`);
  }
  const parsed = EVENT_SCHEMAS[type].safeParse(value);
  return parsed.success ? { ok: true, event: canonicalEvent(parsed.data) } : fail(describe(parsed.error, value));
}

/** Parses one NDJSON line. Blank lines are the caller's to skip. */
export function decodeLine(line: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return fail(`invalid JSON (${error instanceof Error ? error.message : String(error)})`.slice(0, 200));
  }
  return decodeEvent(value);
}
