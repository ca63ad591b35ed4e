import type { OrderEvent } from '../../core/events';
import { decodeEvent } from '../../protocol/decode';
import { toWire } from '../../protocol/encode';

/** An accepted event as every relay reads it back from the day's stream. */
export interface StoredEvent {
  /** The stream entry id: the SSE event id in this mode. */
  readonly id: string;
  /** Cluster-wide accepted-event counter (1, 2, 3, … across relays and days). */
  readonly rseq: number;
  /** Arrival time at the relay that took it (epoch ms). */
  readonly at: number;
  readonly event: OrderEvent;
  /** The event's canonical wire JSON as stored: what streams and logs carry, never re-encoded. */
  readonly json: string;
}

export type StreamEntry =
  | { readonly kind: 'event'; readonly stored: StoredEvent }
  /** Written by the append script at day rollover: the stream continues in `stream`. */
  | { readonly kind: 'next'; readonly id: string; readonly stream: string }
  /** Something in the stream this relay cannot read: counted and skipped, never thrown. */
  | { readonly kind: 'bad'; readonly id: string; readonly error: string };

/** Raw XRANGE/XREAD entry as ioredis returns it: `[id, [field, value, field, value, …]]`. */
export type RawEntry = [id: string, fields: string[]];

/**
 * The one field of an event entry: `"<rseq> <at> <payload>"`. One field rather than three
 * because every relay decodes every entry; each field is two more strings for the Redis
 * client to build per event and relay.
 */
export const EVENT_FIELD = 'ev';

/** The stored form of an event: wire v1 JSON, `ts` in epoch seconds, only the known fields. */
export function encodeEventPayload(event: OrderEvent): string {
  return JSON.stringify(toWire(event));
}

/**
 * True when `parsed` (the stored payload) holds exactly the event's fields with `ts` in epoch
 * seconds: then the payload text is the event's canonical wire JSON and needs no re-encoding.
 * Every relay writes that form; anything else (another writer) is re-encoded, so clients never
 * get fields the decode dropped.
 */
function isCanonical(parsed: Record<string, unknown>, event: OrderEvent): boolean {
  if (typeof parsed.ts !== 'number') return false;
  let stored = 0;
  // A JSON.parse result has only own keys; an inherited one (a polluted prototype) only forces a re-encode.
  for (const _ in parsed) stored++;
  return stored === fieldCount(event);
}

/** How many fields the event's canonical JSON has (optional ones only when set). */
function fieldCount(event: OrderEvent): number {
  const seq = event.seq === undefined ? 0 : 1;
  switch (event.type) {
    case 'order_created':
      return 8 + seq;
    case 'order_fill':
      return 7 + seq;
    case 'order_transition':
      return 5 + seq + (event.order_id === undefined ? 0 : 1) + (event.reason === undefined ? 0 : 1);
  }
}

/**
 * One raw entry, read as every relay reads every event: the full wire decode (rule 1) runs again
 * on what another relay already decoded, because the stream is shared with whatever else can
 * write to Redis; what fails it is counted as bad, never thrown.
 */
export function parseEntry(raw: RawEntry): StreamEntry {
  const [id, fields] = raw;
  const name = fields[0];
  const value = fields[1];
  if (name === 'next' && value !== undefined) return { kind: 'next', id, stream: value };
  if (name !== EVENT_FIELD || value === undefined) return { kind: 'bad', id, error: `entry has no ${EVENT_FIELD} field` };
  const space1 = value.indexOf(' ');
  const space2 = value.indexOf(' ', space1 + 1);
  const rseq = space1 > 0 ? Number(value.slice(0, space1)) : Number.NaN;
  const at = space2 > space1 ? Number(value.slice(space1 + 1, space2)) : Number.NaN;
  if (!Number.isSafeInteger(rseq) || rseq < 1 || !Number.isFinite(at)) return { kind: 'bad', id, error: 'entry lacks rseq and arrival time' };
  const payload = value.slice(space2 + 1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { kind: 'bad', id, error: 'payload is not JSON' };
  }
  const decoded = decodeEvent(parsed);
  if (!decoded.ok) return { kind: 'bad', id, error: decoded.error };
  const { event } = decoded;
  const json = isCanonical(parsed as Record<string, unknown>, event) ? payload : encodeEventPayload(event);
  return { kind: 'event', stored: { id, rseq, at, event, json } };
}
