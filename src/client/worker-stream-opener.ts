import type { Order } from '../core/order';
import { unpackOrders } from './order-pack';
import type { StreamOpener, StreamSink } from './stream-opener';
import type { FromStreamWorker, ToStreamWorker } from './stream-worker-messages';

interface Open {
  readonly sink: StreamSink;
  readonly done: () => void;
  readonly fail: (error: Error) => void;
}

/**
 * A performance mark at a time the worker took (epoch ms), for bench/browser/first-render-profile.ts.
 * Diagnostics only: a clock it cannot place never disturbs the stream.
 */
function markAt(name: string, epochMs: number): void {
  try {
    performance.mark(`orderwatch:${name}`, { startTime: Math.max(0, epochMs - performance.timeOrigin) });
  } catch {
    // no User Timing here
  }
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
export interface WorkerStreamOpener {
  readonly open: StreamOpener;
  /** Settles once the worker runs (or failed to start): from then on it reads without the main thread. */
  readonly started: Promise<void>;
}

export function workerStreamOpener(worker: StreamWorkerPort, base: string, fallback: StreamOpener): WorkerStreamOpener {
  const streams = new Map<number, Open>();
  let nextId = 1;
  let broken = false;
  let blockMarked = false;
  let markStarted!: () => void;
  const started = new Promise<void>((done) => (markStarted = done));
  worker.addEventListener('error', () => {
    broken = true;
    markStarted();
    for (const stream of streams.values()) stream.fail(new Error('stream worker failed'));
    streams.clear();
  });
  worker.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg.type === 'ready') {
      markAt('worker-ready', performance.timeOrigin + performance.now());
      markStarted();
      return;
    }
    const stream = streams.get(msg.id);
    if (stream === undefined) return;
    if (msg.type === 'message') stream.sink.message({ event: msg.event, data: msg.data, id: msg.lastEventId });
    else if (msg.type === 'orders') {
      if (!blockMarked) markAt('first-block-in-worker', msg.at);
      blockMarked = true;
      const orders: Order[] = [];
      unpackOrders(msg.orders, orders);
      stream.sink.orders(orders);
    } else if (msg.type === 'opened') {
      markAt('stream-opened-in-worker', msg.at);
      stream.sink.opened();
    }
    else {
      streams.delete(msg.id);
      if (msg.type === 'done') stream.done();
      else stream.fail(new Error(msg.error));
    }
  });

  const open: StreamOpener = (request, sink) => {
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
  return { open, started };
}
