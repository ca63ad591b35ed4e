import type { EncodedItem } from '../protocol/stream-messages';
import { eventsMessage, MAX_MESSAGE_BYTES } from '../protocol/stream-messages';

const encoder = new TextEncoder();

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

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
export function eventsMessages(items: readonly EncodedItem[], maxBytes = MAX_MESSAGE_BYTES): EventsPart[] {
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

function part(items: readonly EncodedItem[]): EventsPart {
  return { bytes: encode(eventsMessage(items)), last: items[items.length - 1]!.rseq };
}
