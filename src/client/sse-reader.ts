import type { EventSourceMessage } from 'eventsource-parser';
import { createParser } from 'eventsource-parser';
import { concatBytes } from '../lib/concat-bytes';

const LF = 10;
const CR = 13;

function hasLineBreak(bytes: Uint8Array): boolean {
  return bytes.indexOf(LF) !== -1 || bytes.indexOf(CR) !== -1;
}

/**
 * Reads a Server-Sent Events body to its end, handing each message to `onMessage`.
 * Resolves when the server closes the stream; rejects when the connection fails or is aborted.
 *
 * A chunk without a line break cannot end a line, so its bytes wait undecoded until one that
 * can arrives: a 100k-order snapshot (one data line of tens of MB in hundreds of chunks) is
 * decoded and parsed once instead of chunk by chunk.
 */
export async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: EventSourceMessage) => void): Promise<void> {
  const parser = createParser({ onEvent: onMessage });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!hasLineBreak(value)) {
        held.push(value);
        heldBytes += value.length;
        continue;
      }
      const bytes = held.length === 0 ? value : concatBytes([...held, value], heldBytes + value.length);
      held = [];
      heldBytes = 0;
      parser.feed(decoder.decode(bytes, { stream: true }));
    }
    // A stream that ends mid-line: what was held is still text the parser may need.
    if (heldBytes > 0) parser.feed(decoder.decode(concatBytes(held, heldBytes), { stream: true }));
  } finally {
    reader.releaseLock();
  }
}
