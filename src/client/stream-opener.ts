import type { EventSourceMessage } from 'eventsource-parser';
import type { Order } from '../core/order';
import { readSse } from './sse-reader';
import { decodeOrderBlock } from './snapshot-message';

/** Where a stream opener delivers what it read, in stream order. */
export interface StreamSink {
  /** The relay answered 200 with a body: the stream is open. */
  opened(): void;
  /** Every message but `snapshot_orders`. */
  message(message: EventSourceMessage): void;
  /** A `snapshot_orders` block, decoded: the orders that could be read (bad ones are left out). */
  orders(orders: Order[]): void;
}

export interface StreamRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal;
}

/**
 * Opens the relay stream and reads it to its end: resolves when the relay closes it, rejects when
 * the request fails (`HTTP <status>` for an answer that is not a stream) or is aborted.
 */
export type StreamOpener = (request: StreamRequest, sink: StreamSink) => Promise<void>;

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** Fetches and decodes on the calling thread: tests, the stream worker itself, and browsers without it. */
export function openStreamInThread(fetch: FetchFn): StreamOpener {
  return async ({ url, headers, signal }, sink) => {
    const res = await fetch(url, { headers, signal, cache: 'no-store' });
    if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
    sink.opened();
    await readSse(res.body, (m) => {
      if (m.event === 'snapshot_orders') sink.orders(decodeOrderBlock(m.data));
      else sink.message(m);
    });
  };
}
