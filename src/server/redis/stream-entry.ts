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
}

export type StreamEntry =
  | { readonly kind: 'event'; readonly stored: StoredEvent }
  /** Written by the append script at day rollover: the stream continues in `stream`. */
  | { readonly kind: 'next'; readonly id: string; readonly stream: string }
  /** Something in the stream this relay cannot read: counted and skipped, never thrown. */
  | { readonly kind: 'bad'; readonly id: string; readonly error: string };

/** Raw XRANGE/XREAD entry as ioredis returns it: `[id, [field, value, field, value, …]]`. */
export type RawEntry = [id: string, fields: string[]];

export function encodeEventPayload(event: OrderEvent): string {
  return JSON.stringify(toWire(event));
}

export function parseEntry(raw: RawEntry): StreamEntry {
  const [id, fields] = raw;
  let r: string | undefined;
  let a: string | undefined;
  let e: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i];
    const value = fields[i + 1];
    if (name === 'r') r = value;
    else if (name === 'a') a = value;
    else if (name === 'e') e = value;
    else if (name === 'next' && value !== undefined) return { kind: 'next', id, stream: value };
  }
  const rseq = Number(r);
  const at = Number(a);
  if (e === undefined || !Number.isSafeInteger(rseq) || !Number.isFinite(at)) {
    return { kind: 'bad', id, error: 'entry lacks r/a/e fields' };
  }
  let value: unknown;
  try {
    value = JSON.parse(e);
  } catch {
    return { kind: 'bad', id, error: 'entry payload is not JSON' };
  }
  const decoded = decodeEvent(value);
  if (!decoded.ok) return { kind: 'bad', id, error: decoded.error };
  return { kind: 'event', stored: { id, rseq, at, event: decoded.event } };
}
