import type { Dashboard } from '../store/dashboard-store';
import type { Feed } from './feed-client';
import { createFeed } from './feed-client';
import type { FetchFn, StreamOpener } from './stream-opener';
import { openStreamInThread } from './stream-opener';
import type { StreamWorkerPort } from './worker-stream-opener';
import { workerStreamOpener } from './worker-stream-opener';

/** The stream worker when this browser can start one; otherwise the stream is read on the main thread. */
function browserStreamOpener(fetch: FetchFn): StreamOpener {
  const inThread = openStreamInThread(fetch);
  if (typeof Worker === 'undefined') return inThread;
  try {
    const worker = new Worker(new URL('./stream-worker.ts', import.meta.url), { type: 'module', name: 'orderwatch-stream' });
    return workerStreamOpener(worker as StreamWorkerPort, window.location.href, inThread);
  } catch {
    return inThread;
  }
}

/** The feed as a browser page runs it: window's fetch, timers, clock and randomness, a worker reading the stream. */
export function createBrowserFeed(dashboard: Dashboard, token: string | null): Feed {
  const fetch: FetchFn = (url, init) => window.fetch(url, init);
  return createFeed({
    dashboard,
    fetch,
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    now: () => Date.now(),
    random: Math.random,
    token,
    openStream: browserStreamOpener(fetch),
  });
}
