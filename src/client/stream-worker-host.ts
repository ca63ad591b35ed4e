import { packedBuffers, packOrders } from './order-pack';
import type { FetchFn, StreamSink } from './stream-opener';
import { openStreamInThread } from './stream-opener';
import type { FromStreamWorker, ToStreamWorker } from './stream-worker-messages';

/** The worker side of the page's port (its global scope, or a test's stand-in). */
export interface StreamWorkerScope {
  postMessage(message: FromStreamWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToStreamWorker>) => void) | null;
}

/**
 * Serves the page's stream requests inside the stream worker: fetches each stream, reads its
 * SSE, decodes snapshot blocks and sends them back packed (their buffers transferred, not
 * copied); every other message goes back as its text, in stream order.
 */
export function serveStreams(scope: StreamWorkerScope, fetch: FetchFn, now: () => number): void {
  const post = (message: FromStreamWorker, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);
  const open = openStreamInThread(fetch);
  /** Streams in progress, to abort when the page drops their connection. */
  const streams = new Map<number, AbortController>();
  scope.onmessage = (e) => {
    const msg = e.data;
    if (msg.type === 'cancel') {
      streams.get(msg.id)?.abort();
      streams.delete(msg.id);
      return;
    }
    const { id, url, headers } = msg;
    const controller = new AbortController();
    streams.set(id, controller);
    const sink: StreamSink = {
      opened: () => post({ type: 'opened', id, at: now() }),
      message: (m) => post({ type: 'message', id, event: m.event, data: m.data, lastEventId: m.id }),
      orders: (orders) => {
        const packed = packOrders(orders);
        post({ type: 'orders', id, orders: packed, at: now() }, packedBuffers(packed));
      },
    };
    open({ url, headers, signal: controller.signal }, sink)
      .then(() => post({ type: 'done', id }))
      .catch((error: unknown) => post({ type: 'failed', id, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => streams.delete(id));
  };
  post({ type: 'ready' });
}
