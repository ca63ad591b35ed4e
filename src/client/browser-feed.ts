import type { Dashboard } from '../store/dashboard-store';
import type { Feed } from './feed-client';
import { createFeed } from './feed-client';
import type { FetchFn } from './stream-opener';
import { openStreamInThread } from './stream-opener';
import type { StreamWorkerPort, WorkerStreamOpener } from './worker-stream-opener';
import { workerStreamOpener } from './worker-stream-opener';

/** The longest a page waits for the stream worker before it renders anyway. */
const WORKER_START_WAIT_MS = 500;

/** The stream worker when this browser can start one; otherwise the stream is read on the main thread. */
function browserStreamOpener(fetch: FetchFn): WorkerStreamOpener {
  const inThread = openStreamInThread(fetch);
  if (typeof Worker === 'undefined') return { open: inThread, started: Promise.resolve() };
  try {
    const worker = new Worker(new URL('./stream-worker.ts', import.meta.url), { type: 'module', name: 'orderwatch-stream' });
    return workerStreamOpener(worker as StreamWorkerPort, window.location.href, inThread);
  } catch {
    return { open: inThread, started: Promise.resolve() };
  }
}

export interface BrowserFeed extends Feed {
  /**
   * Settles when the stream worker runs (at most WORKER_START_WAIT_MS). Chromium loads a
   * worker's script through the page's main thread: started behind the page's first render
   * (seconds for the dashboard on a busy machine), the worker and the snapshot would wait for it.
   */
  readonly streamStarted: Promise<void>;
}

/** The feed as a browser page runs it: window's fetch, timers, clock and randomness, a worker reading the stream. */
export function createBrowserFeed(dashboard: Dashboard, token: string | null): BrowserFeed {
  const fetch: FetchFn = (url, init) => window.fetch(url, init);
  const opener = browserStreamOpener(fetch);
  const feed = createFeed({
    dashboard,
    fetch,
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    now: () => Date.now(),
    random: Math.random,
    token,
    openStream: opener.open,
  });
  const waited = new Promise<void>((done) => window.setTimeout(done, WORKER_START_WAIT_MS));
  return { ...feed, streamStarted: Promise.race([opener.started, waited]) };
}
