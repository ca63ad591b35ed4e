import type { OrderEvent } from '../../core/events';
import { toWire } from '../../protocol/encode';
import { readStoredPayload } from './stored-payload';

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
  const json = value.slice(space2 + 1);
  const read = readStoredPayload(json);
  if (!read.ok) return { kind: 'bad', id, error: read.error };
  return { kind: 'event', stored: { id, rseq, at, event: read.event, json } };
}
