import type { LogItem } from './event-log';

const encoder = new TextEncoder();

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One `events` message; `items` must be non-empty and in rseq order. JSON never holds a raw newline. */
export function eventsMessage(items: readonly LogItem[]): string {
  let data = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    data += `${i === 0 ? '' : ','}{"rseq":${item.rseq},"at":${item.at},"event":${item.event}}`;
  }
  const last = items[items.length - 1]!;
  return `id: ${last.id ?? last.rseq}\nevent: events\ndata: ${data}]\n\n`;
}

/**
 * Bytes an SSE message of the stream holds at most (a single event bigger than this, which the
 * wire's field limits rule out, still goes alone): a browser parses each message in one go, and
 * a relay queues whole messages, so no tick, catch-up page or snapshot block may make a huge one.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Room for an item's `{"rseq":…,"at":…,"event":}` and the message's id and event lines. */
const ITEM_OVERHEAD = 64;
const MESSAGE_OVERHEAD = 64;

/** One `events` message, as bytes, and the rseq of its last item. */
export interface EventsPart {
  readonly bytes: Uint8Array;
  readonly last: number;
}

/**
 * `items` (non-empty, in rseq order) as `events` messages of at most `maxBytes` each, oldest
 * first. Usually one: a tick's fan-out is encoded once for every client.
 */
export function eventsMessages(items: readonly LogItem[], maxBytes = MAX_MESSAGE_BYTES): EventsPart[] {
  const parts: EventsPart[] = [];
  let from = 0;
  let size = MESSAGE_OVERHEAD;
  for (let i = 0; i < items.length; i++) {
    const bytes = Buffer.byteLength(items[i]!.event) + ITEM_OVERHEAD;
    if (i > from && size + bytes > maxBytes) {
      parts.push(part(items.slice(from, i)));
      from = i;
      size = MESSAGE_OVERHEAD;
    }
    size += bytes;
  }
  parts.push(part(from === 0 ? items : items.slice(from)));
  return parts;
}

function part(items: readonly LogItem[]): EventsPart {
  return { bytes: encode(eventsMessage(items)), last: items[items.length - 1]!.rseq };
}

/** `degraded`: the relay lost its store (Redis), so dashboards must show a stale feed. */
export function heartbeatMessage(now: number, rseq: number, logId: string, degraded = false): string {
  return `event: heartbeat\ndata: {"now":${now},"rseq":${rseq},"log_id":${JSON.stringify(logId)}${degraded ? ',"degraded":true' : ''}}\n\n`;
}

/** A comment line: flushes the response headers at once without being a message. */
export const HELLO = ': orderwatch relay\n\n';
