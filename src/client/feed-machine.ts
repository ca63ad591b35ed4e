import type { FeedState } from '../store/dashboard-store';
import type { StreamItem } from '../protocol/stream-messages';
import type { BackoffOptions } from './backoff';
import { backoffDelay } from './backoff';
import type { Snapshot } from '../protocol/snapshot-messages';
import { parseEvents, parseHeartbeat } from '../protocol/stream-messages';

/**
 * The feed's connection machine, as data: which phase handles which input and how. Every step is
 * pure (time and randomness come in with the input), and what the step wants done to the world
 * comes back as effects that the shell in feed-client.ts runs. Inputs a phase does not list are
 * ignored there (events before a snapshot belong to a book we no longer hold).
 */
export type FeedPhase = 'stopped' | 'connecting' | 'loading_snapshot' | 'live' | 'stale' | 'reconnecting' | 'resyncing';

export interface FeedCounters {
  readonly duplicates: number;
  readonly gaps: number;
  readonly resyncs: number;
  readonly restarts: number;
  readonly badMessages: number;
}

export interface FeedMachine {
  readonly phase: FeedPhase;
  /** The last rseq our book holds. */
  readonly received: number;
  /** The relay's rseq numbering our book follows (from the snapshot). */
  readonly logId: string | null;
  /** False until a snapshot gives us a book, and again once our book is known to be wrong. */
  readonly hasBook: boolean;
  readonly heartbeatMs: number;
  readonly attempt: number;
  /** An rseq a heartbeat announced before its events arrived (lost if the next one still finds them missing). */
  readonly aheadRseq: number | null;
  readonly lastResyncAt: number;
  /** The restart was counted when it was noticed, so the snapshot that follows does not count it again. */
  readonly restartCounted: boolean;
  /** The relay says its event store is unreachable: never shown as live while so. */
  readonly degraded: boolean;
  readonly counters: FeedCounters;
}

interface Stamp {
  /** Browser clock, epoch ms. */
  readonly now: number;
  /** Uniform in [0, 1), for reconnect jitter. */
  readonly random: number;
}

export type FeedInput = Stamp &
  (
    | { readonly type: 'start' }
    | { readonly type: 'stop' }
    /** The relay's health answered whether it restarted since our last message. */
    | { readonly type: 'checked'; readonly restarted: boolean }
    /** The stream answered 200; `resumed` when we asked to resume. */
    | { readonly type: 'opened'; readonly resumed: boolean }
    | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
    | { readonly type: 'events'; readonly data: string }
    | { readonly type: 'heartbeat'; readonly data: string }
    | { readonly type: 'bad_message' }
    /** Two heartbeat periods without data. */
    | { readonly type: 'quiet' }
    /** The connection failed, closed, or stayed silent for four heartbeat periods. */
    | { readonly type: 'failed'; readonly reason: string }
    | { readonly type: 'retry_due' }
    /** The operator asked to reconnect at once. */
    | { readonly type: 'retry_now' }
  );

export type FeedEffect =
  | { readonly type: 'disconnect' }
  | { readonly type: 'check_restart'; readonly received: number; readonly logId: string | null }
  | { readonly type: 'open'; readonly resume: { readonly received: number; readonly logId: string | null } | null }
  | { readonly type: 'retry_in'; readonly ms: number }
  | { readonly type: 'set_feed'; readonly patch: Partial<FeedState> }
  /** `afterRestart`: it replaces a book the page held from a relay that has restarted since. */
  | { readonly type: 'apply_snapshot'; readonly snapshot: Snapshot; readonly afterRestart: boolean }
  | { readonly type: 'enqueue'; readonly items: readonly StreamItem[] }
  | { readonly type: 'heartbeat'; readonly relayNow: number };

export interface FeedStep {
  readonly state: FeedMachine;
  readonly effects: readonly FeedEffect[];
}

export interface FeedRules {
  readonly backoff: BackoffOptions;
  /** A relay that keeps producing gaps must not be hammered: at most one resync per this many ms. */
  readonly minResyncGapMs: number;
}

type Handler<T extends FeedInput['type']> = (s: FeedMachine, input: Extract<FeedInput, { type: T }>, rules: FeedRules) => FeedStep;
type Handlers = { readonly [T in FeedInput['type']]?: Handler<T> };

const NO_COUNTS: FeedCounters = { duplicates: 0, gaps: 0, resyncs: 0, restarts: 0, badMessages: 0 };
const LIVE_PATCH: Partial<FeedState> = { status: 'LIVE', attempt: 0, retryAt: null, error: null };

export function initialFeedMachine(heartbeatMs: number): FeedMachine {
  return {
    phase: 'stopped',
    received: 0,
    logId: null,
    hasBook: false,
    heartbeatMs,
    attempt: 0,
    aheadRseq: null,
    lastResyncAt: -Infinity,
    restartCounted: false,
    degraded: false,
    counters: NO_COUNTS,
  };
}

const count = (s: FeedMachine, key: keyof FeedCounters, by = 1): FeedCounters =>
  by === 0 ? s.counters : { ...s.counters, [key]: s.counters[key] + by };

/** Opens the stream: after asking the relay whether it restarted when we would resume, directly otherwise. */
function connect(s: FeedMachine, phase: FeedPhase, extra: readonly FeedEffect[] = []): FeedStep {
  const resume = s.hasBook && s.received > 0;
  const next: FeedEffect = resume ? { type: 'check_restart', received: s.received, logId: s.logId } : { type: 'open', resume: null };
  return { state: { ...s, phase }, effects: [{ type: 'disconnect' }, ...extra, next] };
}

function fail(s: FeedMachine, input: Stamp, reason: string, rules: FeedRules): FeedStep {
  const attempt = s.attempt + 1;
  const ms = backoffDelay(attempt, input.random, rules.backoff);
  return {
    state: { ...s, phase: 'reconnecting', attempt },
    effects: [
      { type: 'disconnect' },
      { type: 'set_feed', patch: { status: 'RECONNECTING', attempt, retryAt: input.now + ms, error: reason } },
      { type: 'retry_in', ms },
    ],
  };
}

function resync(s: FeedMachine, input: Stamp, reason: string, rules: FeedRules, counters: FeedCounters): FeedStep {
  const soon = input.now - s.lastResyncAt < rules.minResyncGapMs;
  const next: FeedMachine = {
    ...s,
    phase: 'resyncing',
    hasBook: false,
    lastResyncAt: input.now,
    counters: { ...counters, resyncs: counters.resyncs + 1 },
  };
  const status: FeedEffect = { type: 'set_feed', patch: { status: 'RESYNCING', error: reason } };
  if (soon) return { state: next, effects: [{ type: 'disconnect' }, status, { type: 'retry_in', ms: rules.minResyncGapMs }] };
  return connect(next, 'resyncing', [status]);
}

function applySnapshot(s: FeedMachine, snap: Snapshot): FeedStep {
  let counters = count(s, 'badMessages', snap.skipped);
  const rewound = snap.rseq < s.received;
  if (rewound && !s.restartCounted) counters = { ...counters, restarts: counters.restarts + 1 };
  const afterRestart =
    s.received > 0 && (rewound || s.restartCounted || (s.logId !== null && snap.logId !== null && snap.logId !== s.logId));
  const state: FeedMachine = {
    ...s,
    phase: 'live',
    received: snap.rseq,
    logId: snap.logId,
    hasBook: true,
    heartbeatMs: snap.heartbeatMs,
    attempt: 0,
    aheadRseq: null,
    restartCounted: false,
    counters,
  };
  return { state, effects: [{ type: 'apply_snapshot', snapshot: snap, afterRestart }] };
}

/** Data after a snapshot: a stale feed that hears from a healthy relay is live again. */
function revive(step: FeedStep): FeedStep {
  const s = step.state;
  if (s.phase !== 'stale' || s.degraded) return step;
  return { state: { ...s, phase: 'live', attempt: 0 }, effects: [...step.effects, { type: 'set_feed', patch: LIVE_PATCH }] };
}

function applyEvents(s: FeedMachine, data: string, input: Stamp, rules: FeedRules): FeedStep {
  const parsed = parseEvents(data);
  if (parsed === null) return { state: { ...s, counters: count(s, 'badMessages') }, effects: [] };
  let { received } = s;
  let duplicates = 0;
  const items: StreamItem[] = [];
  for (const { rseq, item } of parsed.entries) {
    if (rseq <= received) {
      duplicates++;
      continue;
    }
    if (rseq > received + 1) {
      const counters = {
        ...s.counters,
        badMessages: s.counters.badMessages + parsed.bad,
        duplicates: s.counters.duplicates + duplicates,
        gaps: s.counters.gaps + 1,
      };
      const step = resync({ ...s, received }, input, `gap in stream: expected ${received + 1}, got ${rseq}`, rules, counters);
      return { state: step.state, effects: [{ type: 'enqueue', items }, ...step.effects] };
    }
    received = rseq;
    if (item !== null) items.push(item);
  }
  const counters =
    parsed.bad === 0 && duplicates === 0
      ? s.counters
      : { ...s.counters, badMessages: s.counters.badMessages + parsed.bad, duplicates: s.counters.duplicates + duplicates };
  return revive({ state: { ...s, received, counters }, effects: [{ type: 'enqueue', items }] });
}

function applyHeartbeat(s: FeedMachine, data: string, input: Stamp, rules: FeedRules): FeedStep {
  const hb = parseHeartbeat(data);
  if (hb === null) return { state: { ...s, counters: count(s, 'badMessages') }, effects: [] };
  // Another numbering (the relay restarted), or a log behind ours: our book is not its book.
  if (hb.rseq < s.received || (hb.logId !== null && s.logId !== null && hb.logId !== s.logId)) {
    return resync({ ...s, restartCounted: true }, input, 'relay restarted', rules, count(s, 'restarts'));
  }
  // The relay may announce an rseq whose events are still on their way; only a second
  // heartbeat that finds them still missing proves they were lost.
  if (hb.rseq > s.received && s.aheadRseq !== null && s.received < s.aheadRseq) {
    return resync(s, input, `missed events up to ${s.aheadRseq}`, rules, count(s, 'gaps'));
  }
  const aheadRseq = hb.rseq > s.received ? hb.rseq : null;
  const next: FeedMachine = { ...s, aheadRseq, degraded: hb.degraded };
  const effects: FeedEffect[] = [{ type: 'heartbeat', relayNow: hb.now }];
  // A relay that lost its store still beats, but its data may be behind: never show it as live.
  if (hb.degraded) {
    effects.push({ type: 'set_feed', patch: { status: 'STALE', error: 'relay reports its event store unreachable' } });
    return { state: { ...next, phase: 'stale' }, effects };
  }
  return revive({ state: next, effects });
}

const stop: Handler<'stop'> = (s) => ({ state: { ...s, phase: 'stopped' }, effects: [{ type: 'disconnect' }] });
const failed: Handler<'failed'> = (s, input, rules) => fail(s, input, input.reason, rules);
const snapshot: Handler<'snapshot'> = (s, input) => applySnapshot(s, input.snapshot);
const bad: Handler<'bad_message'> = (s) => ({ state: { ...s, counters: count(s, 'badMessages') }, effects: [] });
const events: Handler<'events'> = (s, input, rules) => applyEvents(s, input.data, input, rules);
const heartbeat: Handler<'heartbeat'> = (s, input, rules) => applyHeartbeat(s, input.data, input, rules);

const checked: Handler<'checked'> = (s, input) => {
  if (!input.restarted) return { state: s, effects: [{ type: 'open', resume: { received: s.received, logId: s.logId } }] };
  const state: FeedMachine = { ...s, phase: 'resyncing', hasBook: false, restartCounted: true, counters: count(s, 'restarts') };
  return {
    state,
    effects: [
      { type: 'set_feed', patch: { status: 'RESYNCING', error: 'relay restarted' } },
      { type: 'open', resume: null },
    ],
  };
};

// A resumed stream is current from its first byte: the relay sends what we missed.
const opened: Handler<'opened'> = (s, input) =>
  input.resumed
    ? { state: { ...s, phase: 'live', attempt: 0 }, effects: [{ type: 'set_feed', patch: LIVE_PATCH }] }
    : { state: { ...s, phase: 'loading_snapshot', attempt: 0 }, effects: [] };

/** A stream is in flight: it may fail, and the operator may stop it. */
const inFlight: Handlers = { stop, failed };
/** A stream is open and a snapshot can arrive on it at any time (a relay that cannot resume sends one). */
const streaming: Handlers = { ...inFlight, snapshot, bad_message: bad };

/** The table: what each phase does with each input. */
export const FEED_TABLE: { readonly [P in FeedPhase]: Handlers } = {
  stopped: { start: (s) => connect(s, s.hasBook ? 'reconnecting' : 'connecting') },
  connecting: { ...inFlight, checked, opened },
  loading_snapshot: streaming,
  live: {
    ...streaming,
    events,
    heartbeat,
    quiet: (s) => ({ state: { ...s, phase: 'stale' }, effects: [{ type: 'set_feed', patch: { status: 'STALE' } }] }),
  },
  stale: { ...streaming, events, heartbeat },
  reconnecting: {
    ...inFlight,
    checked,
    opened,
    retry_due: (s) => connect(s, 'reconnecting'),
    retry_now: (s) => connect(s, 'reconnecting'),
  },
  resyncing: { ...inFlight, checked, opened, retry_due: (s) => connect(s, 'resyncing') },
};

/** One step of the machine: the next state and what to do. Unlisted inputs change nothing. */
export function feedTransition(state: FeedMachine, input: FeedInput, rules: FeedRules): FeedStep {
  const handler = FEED_TABLE[state.phase][input.type] as Handler<typeof input.type> | undefined;
  return handler === undefined ? { state, effects: [] } : handler(state, input, rules);
}
