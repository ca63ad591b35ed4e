import type { Order } from '../core/order';
import { unpackOrders } from './order-pack';
import type { StreamOpener, StreamSink } from './stream-opener';
import type { FromStreamWorker, ToStreamWorker } from './stream-worker-messages';

interface Open {
  readonly sink: StreamSink;
  readonly done: () => void;
  readonly fail: (error: Error) => void;
}

/** The part of a Worker this opener uses, so tests can stand in for it. */
export interface StreamWorkerPort {
  postMessage(message: ToStreamWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<FromStreamWorker>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

/**
 * A StreamOpener whose stream is fetched and read by the stream worker (src/client/stream-worker.ts);
 * snapshot blocks come back as packed buffers and are rebuilt into orders here, the one part
 * that cannot cross threads cheaply. Relative URLs are resolved against `base` (the page's).
 * When the worker cannot run, `fallback` opens streams on this thread from then on; a stream the
 * failed worker held fails, and the feed reconnects as after any lost connection.
 */
export function workerStreamOpener(worker: StreamWorkerPort, base: string, fallback: StreamOpener): StreamOpener {
  const streams = new Map<number, Open>();
  let nextId = 1;
  let broken = false;
  worker.addEventListener('error', () => {
    broken = true;
    for (const stream of streams.values()) stream.fail(new Error('stream worker failed'));
    streams.clear();
  });
  worker.addEventListener('message', (e) => {
    const msg = e.data;
    const stream = streams.get(msg.id);
    if (stream === undefined) return;
    if (msg.type === 'message') stream.sink.message({ event: msg.event, data: msg.data, id: msg.lastEventId });
    else if (msg.type === 'orders') {
      const orders: Order[] = [];
      unpackOrders(msg.orders, orders);
      stream.sink.orders(orders);
    } else if (msg.type === 'opened') stream.sink.opened();
    else {
      streams.delete(msg.id);
      if (msg.type === 'done') stream.done();
      else stream.fail(new Error(msg.error));
    }
  });

  return (request, sink) => {
    if (broken) return fallback(request, sink);
    const id = nextId++;
    return new Promise<void>((done, fail) => {
      streams.set(id, { sink, done, fail });
      worker.postMessage({ type: 'open', id, url: new URL(request.url, base).href, headers: request.headers });
      request.signal.addEventListener('abort', () => {
        if (!streams.delete(id)) return;
        worker.postMessage({ type: 'cancel', id });
        fail(new Error('aborted'));
      });
    });
  };
}
