import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../store/dashboard-store';
import { createDashboard } from '../store/dashboard-store';
import { fakeFetch, ManualTimers, settle } from './fake-relay';
import { createFeed } from './feed-client';
import { created, snapshot } from './feed-test-kit';
import { openStreamInThread } from './stream-opener';
import type { FromStreamWorker, ToStreamWorker } from './stream-worker-messages';
import type { StreamWorkerScope } from './stream-worker-host';
import { serveStreams } from './stream-worker-host';
import type { StreamWorkerPort } from './worker-stream-opener';
import { workerStreamOpener } from './worker-stream-opener';

/** The page's Worker and the worker's scope joined as postMessage joins them: later, cloned, buffers moved. */
function workerPair(): { port: StreamWorkerPort; scope: StreamWorkerScope; crash: () => void } {
  const pageListeners: ((e: MessageEvent<FromStreamWorker>) => void)[] = [];
  const errorListeners: (() => void)[] = [];
  const scope: StreamWorkerScope = {
    onmessage: null,
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => {
        for (const l of pageListeners) l(new MessageEvent('message', { data: copy }));
      }, 0);
    },
  };
  const port: StreamWorkerPort = {
    postMessage(message: ToStreamWorker) {
      const copy = structuredClone(message);
      setTimeout(() => scope.onmessage?.(new MessageEvent('message', { data: copy })), 0);
    },
    addEventListener(type: 'message' | 'error', listener: ((e: MessageEvent<FromStreamWorker>) => void) | (() => void)) {
      if (type === 'message') pageListeners.push(listener as (e: MessageEvent<FromStreamWorker>) => void);
      else errorListeners.push(listener as () => void);
    },
  };
  return { port, scope, crash: () => errorListeners.forEach((l) => l()) };
}

function setupWithWorker() {
  const timers = new ManualTimers();
  const scheduler: Scheduler = { frame: (fn) => void fn(), now: () => timers.now };
  const dashboard = createDashboard(scheduler);
  const relay = fakeFetch();
  const pair = workerPair();
  const workerFetches: string[] = [];
  serveStreams(
    pair.scope,
    (url, init) => {
      workerFetches.push(url);
      return relay.fetch(url, init);
    },
    () => timers.now,
  );
  const openStream = workerStreamOpener(pair.port, 'http://127.0.0.1:9/board', openStreamInThread(relay.fetch)).open;
  const feed = createFeed({ dashboard, fetch: relay.fetch, timers, now: () => timers.now, random: () => 0.5, token: 'tk', openStream });
  return { timers, dashboard, relay, feed, pair, workerFetches, status: () => dashboard.store.getState().feed.status };
}

const settleLong = async (): Promise<void> => {
  for (let i = 0; i < 4; i++) await settle();
};

describe('feed client reading through the stream worker', () => {
  it('fetches in the worker (absolute URL, same headers) and applies the snapshot and the events after it', async () => {
    const { relay, feed, dashboard, status, workerFetches } = setupWithWorker();
    feed.start();
    await settleLong();
    expect(workerFetches).toEqual(['http://127.0.0.1:9/api/stream?token=tk']);
    expect(relay.streams[0]!.headers.Authorization).toBe('Bearer tk');
    relay.streams[0]!.sendText(snapshot(5, ['a', 'b', 'c', 'd', 'e']));
    await settleLong();
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(dashboard.book().orders.get('c')).toMatchObject({ status: 'OPEN', symbol: 'ETH-USD', avg_price: null });
    relay.streams[0]!.send('events', [created(6, 'f')], 6);
    await settleLong();
    expect(dashboard.book().orders.has('f')).toBe(true);
    expect(dashboard.store.getState().feed.rseq).toBe(6);
  });

  it('a dropped connection cancels the worker stream; the next one resumes through the worker', async () => {
    const { relay, feed, timers, dashboard, status } = setupWithWorker();
    feed.start();
    await settleLong();
    relay.streams[0]!.sendText(snapshot(5, ['a']));
    await settleLong();
    relay.streams[0]!.close();
    await settleLong();
    expect(status()).toBe('RECONNECTING');
    timers.advance(dashboard.store.getState().feed.retryAt! - timers.now);
    await settleLong();
    expect(relay.streams[1]!.headers['Last-Event-ID']).toBe('5');
    feed.stop();
    await settleLong();
    expect(relay.streams[1]!.aborted).toBe(true);
  });

  it('a worker that fails drops its stream; the feed reconnects on the main thread', async () => {
    const { relay, feed, timers, dashboard, status, pair, workerFetches } = setupWithWorker();
    feed.start();
    await settleLong();
    pair.crash();
    await settleLong();
    expect(status()).toBe('RECONNECTING');
    timers.advance(dashboard.store.getState().feed.retryAt! - timers.now);
    await settleLong();
    expect(workerFetches).toHaveLength(1);
    relay.streams[1]!.sendText(snapshot(3, ['z']));
    await settleLong();
    expect(status()).toBe('LIVE');
    expect([...dashboard.book().orders.keys()]).toEqual(['z']);
  });

  it('tells when the worker runs (it then fetches without the main thread), or that it never will', async () => {
    const ready = workerPair();
    const opener = workerStreamOpener(ready.port, 'http://127.0.0.1:9/', openStreamInThread(fakeFetch().fetch));
    let started = false;
    void opener.started.then(() => (started = true));
    await settleLong();
    expect(started).toBe(false);
    serveStreams(ready.scope, () => new Promise<Response>(() => {}), Date.now);
    await settleLong();
    expect(started).toBe(true);

    const failed = workerPair();
    const never = workerStreamOpener(failed.port, 'http://127.0.0.1:9/', openStreamInThread(fakeFetch().fetch));
    let settled = false;
    void never.started.then(() => (settled = true));
    failed.crash();
    await settleLong();
    expect(settled).toBe(true);
  });
});
