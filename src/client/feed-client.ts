import type { EventSourceMessage } from 'eventsource-parser';
import { restoreBook } from '../core/restore';
import type { Dashboard, StreamItem } from '../store/dashboard-store';
import type { BackoffOptions } from './backoff';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { createWatchdog } from './feed-watchdog';
import { relayRestartedSince } from './relay-restart-check';
import { readSse } from './sse-reader';
import type { Snapshot } from './snapshot-message';
import { SnapshotReader } from './snapshot-message';
import { parseEvents, parseHeartbeat } from './stream-messages';

export interface FeedTimers {
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

/** Everything the feed touches outside itself, so tests drive it step by step. */
export interface FeedDeps {
  readonly dashboard: Dashboard;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly timers: FeedTimers;
  /** Browser clock, epoch ms. */
  readonly now: () => number;
  /** Uniform in [0, 1), for reconnect jitter. */
  readonly random: () => number;
  readonly url?: string;
  /** The relay's health endpoint, read before resuming to notice a restarted relay. */
  readonly healthUrl?: string;
  readonly token?: string | null;
  readonly backoff?: BackoffOptions;
}

export interface FeedCounters {
  duplicates: number;
  gaps: number;
  resyncs: number;
  restarts: number;
  badMessages: number;
}

export interface Feed {
  start(): void;
  stop(): void;
  counters(): Readonly<FeedCounters>;
}

/**
 * The browser's connection to the relay stream. Applies the snapshot, then every event in
 * rseq order; drops duplicates; resyncs on a gap or a restarted relay; watches heartbeats
 * (STALE after two missed, reconnect after four); reconnects forever with capped backoff.
 */
export function createFeed(deps: FeedDeps): Feed {
  const { dashboard, timers } = deps;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const counters: FeedCounters = { duplicates: 0, gaps: 0, resyncs: 0, restarts: 0, badMessages: 0 };
  let generation = 0;
  let controller: AbortController | null = null;
  let received = 0;
  let needSnapshot = true;
  let heartbeatMs = dashboard.store.getState().feed.heartbeatMs;
  let attempt = 0;
  let aheadRseq: number | null = null;
  let lastResyncAt = -Infinity;
  let retry: unknown = null;
  let stopped = true;
  let lastDataAt = -Infinity;
  let restartCounted = false;
  /** The relay's rseq numbering our book follows (from the snapshot). */
  let logId: string | null = null;
  let degraded = false;
  /** The snapshot being received, block by block. */
  const snapshotReader = new SnapshotReader();

  const setFeed = dashboard.setFeed;
  const watchdog = createWatchdog({
    timers,
    now: deps.now,
    heartbeatMs: () => heartbeatMs,
    onQuiet: () => {
      if (dashboard.store.getState().feed.status === 'LIVE') setFeed({ status: 'STALE' });
    },
    onDead: () => fail(`no data for ${(4 * heartbeatMs) / 1000} s`),
  });
  const clear = (handle: unknown): null => {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  };

  const disconnect = (): void => {
    generation++;
    snapshotReader.reset();
    controller?.abort();
    controller = null;
    watchdog.stop();
    retry = clear(retry);
  };

  const fail = (reason: string): void => {
    if (stopped) return;
    disconnect();
    attempt++;
    const delay = backoffDelay(attempt, deps.random(), backoff);
    setFeed({ status: 'RECONNECTING', attempt, retryAt: deps.now() + delay, error: reason });
    retry = timers.setTimeout(() => connect(), delay);
  };

  const resync = (reason: string): void => {
    counters.resyncs++;
    needSnapshot = true;
    disconnect();
    setFeed({ status: 'RESYNCING', error: reason });
    // A relay that keeps producing gaps must not be hammered: at most one resync a second.
    const wait = deps.now() - lastResyncAt < 1000 ? 1000 : 0;
    lastResyncAt = deps.now();
    if (wait === 0) connect();
    else retry = timers.setTimeout(() => connect(), wait);
  };

  const applySnapshot = (snap: Snapshot): void => {
    if (snap.rseq < received && !restartCounted) counters.restarts++;
    restartCounted = false;
    const book = restoreBook({ orders: snap.orders, anomalies: snap.anomalies, lastSeq: snap.lastSeq, anomalyCounts: snap.anomalyCounts });
    heartbeatMs = snap.heartbeatMs;
    logId = snap.logId;
    received = snap.rseq;
    needSnapshot = false;
    attempt = 0;
    aheadRseq = null;
    counters.badMessages += snap.skipped;
    dashboard.applySnapshot(book, snap.rseq, snap.now, snap.staleAfterSec, snap.heartbeatMs, snap.keepTerminal);
  };

  const applyEvents = (data: string): void => {
    const parsed = parseEvents(data);
    if (parsed === null) {
      counters.badMessages++;
      return;
    }
    counters.badMessages += parsed.bad;
    const batch: StreamItem[] = [];
    for (const { rseq, item } of parsed.entries) {
      if (rseq <= received) {
        counters.duplicates++;
        continue;
      }
      if (rseq > received + 1) {
        counters.gaps++;
        dashboard.enqueue(batch);
        resync(`gap in stream: expected ${received + 1}, got ${rseq}`);
        return;
      }
      received = rseq;
      if (item !== null) batch.push(item);
    }
    dashboard.enqueue(batch);
  };

  const applyHeartbeat = (data: string): void => {
    const hb = parseHeartbeat(data);
    if (hb === null) {
      counters.badMessages++;
      return;
    }
    // Another numbering (the relay restarted), or a log behind ours: our book is not its book.
    if (hb.rseq < received || (hb.logId !== null && logId !== null && hb.logId !== logId)) {
      counters.restarts++;
      restartCounted = true;
      resync('relay restarted');
      return;
    }
    // The relay may announce an rseq whose events are still on their way; only a second
    // heartbeat that finds them still missing proves they were lost.
    if (hb.rseq > received) {
      if (aheadRseq !== null && received < aheadRseq) {
        counters.gaps++;
        resync(`missed events up to ${aheadRseq}`);
        return;
      }
      aheadRseq = hb.rseq;
    } else aheadRseq = null;
    degraded = hb.degraded;
    dashboard.heartbeat(hb.now);
    // A relay that lost its store still beats, but its data may be behind: never show it as live.
    if (degraded) setFeed({ status: 'STALE', error: 'relay reports its event store unreachable' });
  };

  const onMessage = (message: EventSourceMessage): void => {
    lastDataAt = deps.now();
    watchdog.alive();
    // A snapshot comes in several messages (docs/protocol.md); its blocks decode as they arrive.
    if (message.event === 'snapshot_orders') {
      if (!snapshotReader.add(message.data)) counters.badMessages++;
      return;
    }
    if (message.event === 'snapshot') {
      if (!snapshotReader.begin(message.data)) counters.badMessages++;
      return;
    }
    if (message.event === 'snapshot_end') {
      const snap = snapshotReader.end(message.data);
      if (snap === null) counters.badMessages++;
      else applySnapshot(snap);
      return;
    }
    // Until a snapshot arrives, events and heartbeats belong to a book we no longer hold.
    if (needSnapshot) return;
    if (message.event === 'events') applyEvents(message.data);
    else if (message.event === 'heartbeat') applyHeartbeat(message.data);
    else return;
    const status = dashboard.store.getState().feed.status;
    if (!degraded && (status === 'STALE' || status === 'RECONNECTING')) setFeed({ status: 'LIVE', attempt: 0, retryAt: null, error: null });
  };

  const connect = (): void => {
    disconnect();
    const gen = generation;
    const ctrl = new AbortController();
    controller = ctrl;
    const wantResume = !needSnapshot && received > 0;
    const check = wantResume
      ? relayRestartedSince({ fetch: deps.fetch, url: deps.healthUrl ?? '/api/healthz', signal: ctrl.signal, received, logId, silenceMs: deps.now() - lastDataAt })
      : Promise.resolve(false);
    check
      .then((restarted) => {
        if (gen !== generation) return;
        if (restarted) {
          counters.restarts++;
          restartCounted = true;
          needSnapshot = true;
          setFeed({ status: 'RESYNCING', error: 'relay restarted' });
        }
        open(gen, ctrl);
      })
      .catch((error: unknown) => {
        if (gen === generation) fail(error instanceof Error ? error.message : String(error));
      });
  };

  const open = (gen: number, ctrl: AbortController): void => {
    const resume = !needSnapshot && received > 0;
    const query = new URLSearchParams();
    if (deps.token) query.set('token', deps.token);
    if (resume) query.set('last_event_id', String(received));
    // The relay resumes only within this numbering; after a restart it sends a snapshot instead.
    if (resume && logId !== null) query.set('log_id', logId);
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (deps.token) headers.Authorization = `Bearer ${deps.token}`;
    if (resume) headers['Last-Event-ID'] = String(received);
    const qs = query.toString();
    const url = `${deps.url ?? '/api/stream'}${qs === '' ? '' : `?${qs}`}`;
    deps
      .fetch(url, { headers, signal: ctrl.signal, cache: 'no-store' })
      .then(async (res) => {
        if (gen !== generation) return;
        if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
        // A resumed stream is current from its first byte: the relay sends what we missed.
        if (resume) setFeed({ status: 'LIVE', attempt: 0, retryAt: null, error: null });
        attempt = 0;
        watchdog.alive();
        await readSse(res.body, (m) => {
          if (gen === generation) onMessage(m);
        });
        if (gen === generation) fail('stream closed by relay');
      })
      .catch((error: unknown) => {
        if (gen === generation) fail(error instanceof Error ? error.message : String(error));
      });
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    stop() {
      stopped = true;
      disconnect();
    },
    counters: () => ({ ...counters }),
  };
}
