import type { OrderEvent } from '../../core/events';
import { eventOf } from '../../protocol/decode';
import { toWire } from '../../protocol/encode';
import { BATCH_FIELD, PARTS_FIELD } from './entry-parts';
import { placeInEntry } from './stream-id';

/** An accepted event as every relay reads it back from the day's stream. */
export interface StoredEvent {
  /** The stream entry holding it … */
  readonly entry: string;
  /** … and its place there (`placeInEntry`): together its SSE id in this mode (`idAtPlace`). */
  readonly place: number;
  /** Cluster-wide accepted-event counter (1, 2, 3, … across relays and days). */
  readonly rseq: number;
  /** Arrival time at the relay that took it (epoch ms). */
  readonly at: number;
  readonly event: OrderEvent;
  /** The event's canonical wire JSON as stored: what streams and logs carry, never re-encoded. */
  readonly json: string;
}

export type StreamEntry =
  /**
   * One ingest batch: its events in order. `bad` counts payloads in it that could not be read
   * (skipped; their rseqs leave a gap).
   */
  | { readonly kind: 'events'; readonly id: string; readonly events: StoredEvent[]; readonly bad: number }
  /** Written by the append script at day rollover: the stream continues in `stream`. */
  | { readonly kind: 'next'; readonly id: string; readonly stream: string }
  /** Something in the stream this relay cannot read: counted and skipped, never thrown. */
  | { readonly kind: 'bad'; readonly id: string; readonly error: string };

/** Raw XRANGE/XREAD entry as ioredis returns it: `[id, [field, value, field, value, …]]`. */
export type RawEntry = [id: string, fields: string[]];

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
    case 'engine_heartbeat':
      return 3 + seq;
  }
}

/**
 * One raw entry, read as every relay reads every event: the full wire decode (rule 1) runs again
 * on what another relay already decoded, because the stream is shared with whatever else can
 * write to Redis; what fails it is counted as bad, never thrown.
 *
 * A batch entry (see entry-parts.ts) is `"<first rseq> <arrival ms>\n<payload>\n<payload>…"`,
 * one ingest batch (one append script call), in one `evs` field or in several `evp` fields (and
 * nothing else) whose texts follow one another. Every relay reads every entry, and Redis and
 * its client pay per entry: one per batch rather than one per event made both about as cheap
 * as the events' bytes allow. The payloads are canonical JSON, which never holds a raw newline.
 * Entries of the older formats (`ev`, one event each; `r`/`a`/`e`) are not read: they count as
 * bad.
 */
export function parseEntry(raw: RawEntry): StreamEntry {
  const [id, fields] = raw;
  const name = fields[0];
  const value = fields[1];
  if (name === 'next' && value !== undefined) return { kind: 'next', id, stream: value };
  if ((name !== BATCH_FIELD && name !== PARTS_FIELD) || value === undefined)
    return { kind: 'bad', id, error: `entry has no ${BATCH_FIELD} or ${PARTS_FIELD} field` };
  const newline = value.indexOf('\n');
  const space = value.indexOf(' ');
  const rseq = space > 0 && space < newline ? Number(value.slice(0, space)) : Number.NaN;
  const at = Number(value.slice(space + 1, newline));
  if (!Number.isSafeInteger(rseq) || rseq < 1 || !Number.isFinite(at))
    return { kind: 'bad', id, error: 'entry lacks rseq and arrival time' };
  // Strict about the layout: an entry no relay writes is counted as bad, never read in part.
  if (!wellFormed(fields)) return { kind: 'bad', id, error: `${name} entry with fields out of place` };
  const parts = [value.slice(newline + 1).split('\n')];
  let count = parts[0]!.length;
  for (let f = 3; f < fields.length; f += 2) {
    const lines = fields[f]!.split('\n');
    parts.push(lines);
    count += lines.length;
  }
  const events: StoredEvent[] = [];
  let bad = 0;
  let k = 0;
  for (const lines of parts) {
    for (const payload of lines) {
      const event = readPayload(payload, id, placeInEntry(k, count), rseq + k, at);
      if (event === undefined) bad++;
      else events.push(event);
      k++;
    }
  }
  return { kind: 'events', id, events, bad };
}

/** `evs` alone, or `evp` fields only (see entry-parts.ts). */
function wellFormed(fields: readonly string[]): boolean {
  if (fields.length % 2 !== 0) return false;
  if (fields[0] === BATCH_FIELD) return fields.length === 2;
  for (let f = 2; f < fields.length; f += 2) if (fields[f] !== PARTS_FIELD) return false;
  return true;
}

function readPayload(payload: string, entry: string, place: number, rseq: number, at: number): StoredEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const event = eventOf(parsed);
  if (event === undefined) return undefined;
  return { entry, place, rseq, at, event, json: canonicalPayload(payload, parsed, event) };
}

/** Longer text than this is re-encoded even when canonical: padding would otherwise be stored, read and sent by every relay. */
const MAX_KEPT_TEXT = 4_096;

/**
 * What to store and send for `event`, decoded from JSON `text` (parsed as `parsed`): the text
 * itself when it is already the canonical form, which spares a JSON.stringify per event, else
 * the event encoded again.
 */
export function canonicalPayload(text: string, parsed: unknown, event: OrderEvent): string {
  // A raw CR (JSON whitespace, which engines may send) would end an SSE line.
  const keep = text.length <= MAX_KEPT_TEXT && isCanonical(parsed as Record<string, unknown>, event) && !text.includes('\r');
  return keep ? text : encodeEventPayload(event);
}
