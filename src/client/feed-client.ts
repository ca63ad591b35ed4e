import { parseAlertsMessage, parseEnginesMessage } from '../protocol/alert-messages';
import { applyAlertsMessage, applyEnginesMessage, countUnreadable } from '../store/alerts-store';
import type { EventSourceMessage } from 'eventsource-parser';
import { restoreBook } from '../core/restore';
import type { Cancel, Clock } from '../lib/clock';
import type { Dashboard } from '../store/dashboard-store';
import type { BackoffOptions } from './backoff';
import { DEFAULT_BACKOFF } from './backoff';
import type { FeedCounters, FeedEffect, FeedInput, FeedRules } from './feed-machine';
import { feedTransition, initialFeedMachine } from './feed-machine';
import { createWatchdog } from './feed-watchdog';
import { relayRestartedSince } from './relay-restart-check';
import { readSse } from './sse-reader';
import { SnapshotReader } from '../protocol/snapshot-messages';

export type { FeedCounters } from './feed-machine';

/** Everything the feed touches outside itself, so tests drive it step by step. */
export interface FeedDeps {
  readonly dashboard: Dashboard;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The browser's clock and timers. */
  readonly clock: Clock;
  /** Uniform in [0, 1), for reconnect jitter. */
  readonly random: () => number;
  readonly url?: string;
  /** The relay's health endpoint, read before resuming to notice a restarted relay. */
  readonly healthUrl?: string;
  readonly token?: string | null;
  readonly backoff?: BackoffOptions;
}

export interface Feed {
  start(): void;
  stop(): void;
  /** Reconnects at once while waiting to retry (the operator's "reconnect now"). */
  retryNow(): void;
  counters(): Readonly<FeedCounters>;
}

const RULES_DEFAULTS = { minResyncGapMs: 1000 };

/**
 * The browser's connection to the relay stream: the shell that runs feed-machine.ts. It owns
 * what the machine must not (the fetch, the stream reader, the timers, the snapshot decoder) and
 * turns each of their outcomes into one input. `generation` fences off the callbacks of a
 * connection the machine already gave up.
 */
export function createFeed(deps: FeedDeps): Feed {
  const { dashboard, clock } = deps;
  const rules: FeedRules = { backoff: deps.backoff ?? DEFAULT_BACKOFF, ...RULES_DEFAULTS };
  let machine = initialFeedMachine(dashboard.store.getState().feed.heartbeatMs);
  let generation = 0;
  let controller: AbortController | null = null;
  let cancelRetry: Cancel | null = null;
  let lastDataAt = -Infinity;
  /** The snapshot being received, block by block. */
  const snapshotReader = new SnapshotReader();

  const watchdog = createWatchdog({
    clock,
    heartbeatMs: () => machine.heartbeatMs,
    onQuiet: () => send({ type: 'quiet' }),
    onDead: () => send({ type: 'failed', reason: `no data for ${(4 * machine.heartbeatMs) / 1000} s` }),
  });

  type Input = FeedInput extends infer I ? (I extends FeedInput ? Omit<I, 'now' | 'random'> : never) : never;
  const send = (input: Input): void => {
    const step = feedTransition(machine, { ...input, now: clock.now(), random: deps.random() }, rules);
    machine = step.state;
    for (const effect of step.effects) run(effect);
  };

  const run = (effect: FeedEffect): void => {
    switch (effect.type) {
      case 'disconnect':
        generation++;
        snapshotReader.reset();
        controller?.abort();
        controller = null;
        watchdog.stop();
        cancelRetry?.();
        cancelRetry = null;
        return;
      case 'check_restart':
        return checkRestart(effect.received, effect.logId);
      case 'open':
        return open(effect.resume);
      case 'retry_in':
        cancelRetry = clock.after(effect.ms, () => {
          cancelRetry = null;
          send({ type: 'retry_due' });
        });
        return;
      case 'set_feed':
        return dashboard.setFeed(effect.patch);
      case 'apply_snapshot': {
        const snap = effect.snapshot;
        const book = restoreBook({
          orders: snap.orders,
          anomalies: snap.anomalies,
          lastSeq: snap.lastSeq,
          anomalyCounts: snap.anomalyCounts,
        });
        const ordersBefore = dashboard.book().orders.size;
        dashboard.applySnapshot(book, snap.rseq, snap.now, snap.staleAfterSec, snap.heartbeatMs, snap.keepTerminal);
        if (effect.afterRestart) dashboard.setFeed({ replaced: { at: snap.now, ordersBefore, ordersAfter: book.orders.size } });
        return;
      }
      case 'enqueue':
        return dashboard.enqueue(effect.items);
      case 'heartbeat':
        return dashboard.heartbeat(effect.relayNow);
    }
  };

  /** True while the connection that asked is still the current one. */
  const fence = (): (() => boolean) => {
    const gen = generation;
    return () => gen === generation;
  };
  const failure = (error: unknown): Input => ({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });

  const checkRestart = (received: number, logId: string | null): void => {
    const ctrl = new AbortController();
    controller = ctrl;
    const current = fence();
    relayRestartedSince({
      fetch: deps.fetch,
      url: deps.healthUrl ?? '/api/healthz',
      headers: deps.token ? { Authorization: `Bearer ${deps.token}` } : undefined,
      signal: ctrl.signal,
      received,
      logId,
      silenceMs: clock.now() - lastDataAt,
    })
      .then((restarted) => current() && send({ type: 'checked', restarted }))
      .catch((error: unknown) => current() && send(failure(error)));
  };

  const onMessage = (message: EventSourceMessage): void => {
    lastDataAt = clock.now();
    watchdog.alive();
    // A snapshot comes in several messages (docs/protocol.md); its blocks decode as they arrive.
    switch (message.event) {
      case 'snapshot_orders':
        if (!snapshotReader.add(message.data)) send({ type: 'bad_message' });
        return;
      case 'snapshot':
        if (!snapshotReader.begin(message.data)) send({ type: 'bad_message' });
        return;
      case 'snapshot_end': {
        const snapshot = snapshotReader.end(message.data);
        send(snapshot === null ? { type: 'bad_message' } : { type: 'snapshot', snapshot });
        return;
      }
      case 'events':
        return send({ type: 'events', data: message.data });
      case 'heartbeat':
        return send({ type: 'heartbeat', data: message.data });
      // Alert state lives beside the book, not in it: no rseq, no feed machine step.
      case 'alerts': {
        const alerts = parseAlertsMessage(message.data);
        return alerts === null ? countUnreadable(dashboard.alerts) : applyAlertsMessage(dashboard.alerts, alerts);
      }
      case 'engines': {
        const engines = parseEnginesMessage(message.data);
        return engines === null ? countUnreadable(dashboard.alerts) : applyEnginesMessage(dashboard.alerts, engines);
      }
    }
  };

  const open = (resume: { received: number; logId: string | null } | null): void => {
    const ctrl = controller ?? new AbortController();
    controller = ctrl;
    const current = fence();
    const query = new URLSearchParams();
    if (deps.token) query.set('token', deps.token);
    if (resume !== null) query.set('last_event_id', String(resume.received));
    // The relay resumes only within this numbering; after a restart it sends a snapshot instead.
    if (resume !== null && resume.logId !== null) query.set('log_id', resume.logId);
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (deps.token) headers.Authorization = `Bearer ${deps.token}`;
    if (resume !== null) headers['Last-Event-ID'] = String(resume.received);
    const qs = query.toString();
    const url = `${deps.url ?? '/api/stream'}${qs === '' ? '' : `?${qs}`}`;
    deps
      .fetch(url, { headers, signal: ctrl.signal, cache: 'no-store' })
      .then(async (res) => {
        if (!current()) return;
        if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
        send({ type: 'opened', resumed: resume !== null });
        watchdog.alive();
        await readSse(res.body, (m) => current() && onMessage(m));
        if (current()) send({ type: 'failed', reason: 'stream closed by relay' });
      })
      .catch((error: unknown) => current() && send(failure(error)));
  };

  dashboard.onReconnectRequest(() => send({ type: 'retry_now' }));

  return {
    start: () => send({ type: 'start' }),
    stop: () => send({ type: 'stop' }),
    retryNow: () => send({ type: 'retry_now' }),
    counters: () => ({ ...machine.counters }),
  };
}
