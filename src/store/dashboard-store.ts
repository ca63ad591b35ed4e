import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ApplyResult } from '../core/apply';
import type { Clock } from '../lib/clock';
import { monotonicClock } from '../platform/system-clock';
import { applyEvent } from '../core/apply';
import { cleanupAfterEvent } from '../core/cleanup';
import type { OrderBook } from '../core/book';
import { createBook } from '../core/book';
import { DEFAULT_STALE_AFTER_SEC } from '../core/stale-rules';
import type { AlertsStore } from './alerts-store';
import { createAlertsStore } from './alerts-store';
import { DEFAULT_KEEP_TERMINAL } from '../protocol/snapshot-messages';
import type { StreamItem } from '../protocol/stream-messages';

/** What the operator is told about the feed. Anything but LIVE dims the view. */
export type FeedStatus = 'CONNECTING' | 'LIVE' | 'STALE' | 'RECONNECTING' | 'RESYNCING';

export interface FeedState {
  readonly status: FeedStatus;
  /** Reconnect attempt number while RECONNECTING (0 otherwise). */
  readonly attempt: number;
  /** Browser epoch ms of the next reconnect attempt, when one is scheduled. */
  readonly retryAt: number | null;
  /** Relay-clock epoch ms of the newest data received (event or heartbeat); null before any. */
  readonly asOf: number | null;
  /** Last relay sequence number applied. */
  readonly rseq: number;
  /** relayNow − browserNow, from the latest snapshot or heartbeat. */
  readonly clockOffsetMs: number;
  readonly heartbeatMs: number;
  /** Relay arrival → applied here, for the newest event (ms), on the relay's clock. */
  readonly lagMs: number | null;
  readonly error: string | null;
  /** The last time a restarted relay's snapshot replaced the page's book, until dismissed. */
  readonly replaced: BookReplaced | null;
}

/** A restarted relay's book replaced ours: operators must be told, never find out by counting. */
export interface BookReplaced {
  /** Relay-clock epoch ms of the new snapshot. */
  readonly at: number;
  readonly ordersBefore: number;
  readonly ordersAfter: number;
}

export interface DashboardState {
  readonly feed: FeedState;
  /** Bumps once per committed frame in which the book changed (or was replaced). */
  readonly version: number;
  /** The relay's stale threshold (seconds), from its snapshot. The view's own choice lives in the URL. */
  readonly relayStaleAfterSec: number;
}

export type AppliedListener = (item: StreamItem, result: ApplyResult) => void;
export type ResetListener = (book: OrderBook) => void;

/** Frames and background tasks; its `now` is the browser's clock (platform/system-clock's). */
export interface Scheduler extends Pick<Clock, 'now'> {
  /** Runs `fn` before the next paint (requestAnimationFrame in a browser). */
  readonly frame: (fn: () => void) => void;
  /** Runs `fn` in a later task, after the frames and input waiting now (default: setTimeout 0). */
  readonly later?: (fn: () => void) => void;
  /** Times main-thread work (only differences are used): the monotonic clock by default; tests fix it. */
  readonly stopwatch?: Pick<Clock, 'now'>;
}

export const INITIAL_FEED: FeedState = {
  status: 'CONNECTING',
  attempt: 0,
  retryAt: null,
  asOf: null,
  rseq: 0,
  clockOffsetMs: 0,
  heartbeatMs: 5000,
  lagMs: null,
  error: null,
  replaced: null,
};

/**
 * The one store of the page plus the mutable book behind it. Views subscribe to `store`
 * through narrow selectors and read orders from `book()` when `version` moves; the book
 * is mutated in place (orders carry `rev`) and never copied per event.
 */
export interface Dashboard {
  readonly store: StoreApi<DashboardState>;
  /** The relay's alerts and engine health: a store of their own, changing apart from the book. */
  readonly alerts: AlertsStore;
  /** The current book. Replaced (not mutated) by a snapshot: compare identity to notice. */
  book(): OrderBook;
  /**
   * The relay's clock now (epoch ms): browser clock + the offset the relay told us. While the
   * feed is down it stops at the newest data received, so ages and stale counts freeze "as of"
   * then instead of climbing on data that is no longer coming.
   */
  relayNow(): number;
  /** Replaces the book from a relay snapshot, at once (a resync must not wait a frame). */
  applySnapshot(book: OrderBook, rseq: number, relayNow: number, staleAfterSec: number, heartbeatMs: number, keepTerminal?: number): void;
  /** Queues stream items; they are applied and committed together on the next frame. */
  enqueue(items: readonly StreamItem[]): void;
  /** Heartbeat from the relay: keeps the feed LIVE and the clock offset true. */
  heartbeat(relayNow: number): void;
  setFeed(patch: Partial<FeedState>): void;
  /** Called for each applied event at commit time (stats, throughput). Returns unsubscribe. */
  onApplied(listener: AppliedListener): () => void;
  /** Called when a snapshot replaces the book (derived state rebuilds from it). */
  onReset(listener: ResetListener): () => void;
  /** Runs `fn` in a later task: background work (the book scan) goes in slices between frames. */
  later(fn: () => void): void;
  /** The scheduler's stopwatch: what background work (the book scan) times its slices by. */
  readonly stopwatch: Pick<Clock, 'now'>;
  /** The operator's "reconnect now": tells whoever listens (the feed). */
  requestReconnect(): void;
  onReconnectRequest(listener: () => void): () => void;
}

/**
 * Derived-state listeners belong to other features: one that throws must not stop the
 * commit (the book and the table would freeze). Its error is logged and the commit goes on.
 */
function callSafely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    console.error('dashboard listener failed', error);
  }
}

/** The feed is lost (not merely starting): what the page shows is frozen at `asOf`. */
export function isFeedDown(feed: FeedState): boolean {
  return (feed.status === 'STALE' || feed.status === 'RECONNECTING') && feed.asOf !== null;
}

export function createDashboard(scheduler: Scheduler): Dashboard {
  let book = createBook();
  let keepTerminal = DEFAULT_KEEP_TERMINAL;
  let pending: StreamItem[] = [];
  let frameRequested = false;
  const appliedListeners = new Set<AppliedListener>();
  const resetListeners = new Set<ResetListener>();
  const reconnectListeners = new Set<() => void>();
  const store = createStore<DashboardState>()(() => ({ feed: INITIAL_FEED, version: 0, relayStaleAfterSec: DEFAULT_STALE_AFTER_SEC }));
  const setFeed = (patch: Partial<FeedState>): void => store.setState((s) => ({ feed: { ...s.feed, ...patch } }));

  const commit = (): void => {
    frameRequested = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const { feed } = store.getState();
    let rseq = feed.rseq;
    let changed = false;
    for (const item of batch) {
      // The feed drops duplicates and resyncs on gaps; this is the last line of defence.
      if (item.rseq <= rseq) continue;
      rseq = item.rseq;
      const result = applyEvent(book, item.event);
      if (result.outcome !== 'duplicate') changed = true;
      for (const listener of appliedListeners) callSafely(() => listener(item, result));
      // A wall screen runs for days: finished orders beyond the relay's policy go, at the same event as on the relay.
      if (cleanupAfterEvent(book, keepTerminal).length > 0) changed = true;
    }
    const last = batch[batch.length - 1]!;
    const relayNow = scheduler.now() + feed.clockOffsetMs;
    store.setState((s) => ({
      version: changed ? s.version + 1 : s.version,
      feed: { ...s.feed, rseq, asOf: Math.max(s.feed.asOf ?? 0, last.at), lagMs: Math.max(0, relayNow - last.at) },
    }));
  };

  return {
    store,
    alerts: createAlertsStore(),
    book: () => book,
    relayNow: () => {
      const feed = store.getState().feed;
      return isFeedDown(feed) ? feed.asOf! : scheduler.now() + feed.clockOffsetMs;
    },
    applySnapshot(next, rseq, relayNow, staleAfterSec, heartbeatMs, keep = DEFAULT_KEEP_TERMINAL) {
      book = next;
      keepTerminal = keep;
      pending = [];
      store.setState((s) => ({
        version: s.version + 1,
        relayStaleAfterSec: staleAfterSec,
        feed: {
          ...s.feed,
          status: 'LIVE',
          attempt: 0,
          retryAt: null,
          rseq,
          asOf: relayNow,
          clockOffsetMs: relayNow - scheduler.now(),
          heartbeatMs,
          error: null,
        },
      }));
      // After the clock offset is stored: listeners rebuild on the relay's clock.
      for (const listener of resetListeners) callSafely(() => listener(next));
    },
    enqueue(items) {
      for (const item of items) pending.push(item);
      if (!frameRequested && pending.length > 0) {
        frameRequested = true;
        scheduler.frame(commit);
      }
    },
    heartbeat(relayNow) {
      setFeed({ asOf: relayNow, clockOffsetMs: relayNow - scheduler.now() });
    },
    setFeed,
    onApplied(listener) {
      appliedListeners.add(listener);
      return () => appliedListeners.delete(listener);
    },
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
    later: scheduler.later ?? ((fn) => void setTimeout(fn, 0)),
    stopwatch: scheduler.stopwatch ?? monotonicClock,
    requestReconnect() {
      for (const listener of reconnectListeners) callSafely(listener);
    },
    onReconnectRequest(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}
