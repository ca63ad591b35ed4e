import type { EventSourceMessage } from 'eventsource-parser';
import { createParser } from 'eventsource-parser';

/**
 * Reads a Server-Sent Events body to its end, handing each message to `onMessage`.
 * Resolves when the server closes the stream; rejects when the connection fails or is aborted.
 */
export async function readSse(body: ReadableStream<Uint8Array>, onMessage: (message: EventSourceMessage) => void): Promise<void> {
  const parser = createParser({ onEvent: onMessage });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
}
