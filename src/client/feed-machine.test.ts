import { describe, expect, it } from 'vitest';
import type { FeedEffect, FeedInput, FeedMachine, FeedPhase, FeedRules } from './feed-machine';
import { FEED_TABLE, feedTransition, initialFeedMachine } from './feed-machine';
import type { Snapshot } from '../protocol/snapshot-messages';

const RULES: FeedRules = { backoff: { baseMs: 500, maxMs: 30_000 }, minResyncGapMs: 1000 };
const NOW = 1_000_000;
const T0 = Date.parse('2026-11-24T12:00:00Z');

type Body = FeedInput extends infer I ? (I extends FeedInput ? Omit<I, 'now' | 'random'> : never) : never;
const at = (body: Body, now = NOW): FeedInput => ({ ...body, now, random: 0.5 });

const machine = (phase: FeedPhase, patch: Partial<FeedMachine> = {}): FeedMachine => ({ ...initialFeedMachine(1000), phase, ...patch });
/** A book at rseq 5 of log "L1", as a live feed holds it. */
const withBook = (phase: FeedPhase, patch: Partial<FeedMachine> = {}): FeedMachine =>
  machine(phase, { hasBook: true, received: 5, logId: 'L1', ...patch });

const snap = (rseq: number, patch: Partial<Snapshot> = {}): Snapshot => ({
  rseq,
  logId: 'L1',
  now: T0,
  orders: [],
  anomalies: [],
  anomalyCounts: undefined,
  lastSeq: {},
  staleAfterSec: 120,
  heartbeatMs: 2000,
  keepTerminal: 1000,
  skipped: 0,
  ...patch,
});
const created = (rseq: number, id: string) => ({
  rseq,
  at: T0,
  event: {
    type: 'order_created',
    client_order_id: id,
    ts: T0 / 1000,
    engine: 'e1',
    symbol: 'BTC-USD',
    side: 'buy',
    size_usd: 1000,
    route: 'paper',
  },
});
const events = (...entries: unknown[]): Body => ({ type: 'events', data: JSON.stringify(entries) });
const beat = (rseq: number, extra: Record<string, unknown> = {}): Body => ({
  type: 'heartbeat',
  data: JSON.stringify({ now: T0, rseq, log_id: 'L1', ...extra }),
});

const kinds = (effects: readonly FeedEffect[]): string[] => effects.map((e) => e.type);
const queued = (effects: readonly FeedEffect[]) => effects.flatMap((e) => (e.type === 'enqueue' ? e.items.map((i) => i.rseq) : []));
const patchOf = (effects: readonly FeedEffect[]) => effects.flatMap((e) => (e.type === 'set_feed' ? [e.patch] : []));

interface Row {
  readonly name: string;
  readonly from: FeedMachine;
  readonly input: Body;
  readonly phase: FeedPhase;
  readonly effects: string[];
  readonly check?: (next: FeedMachine, effects: readonly FeedEffect[]) => void;
}

/** Every entry of FEED_TABLE, with what it must do. */
const ROWS: Row[] = [
  {
    name: 'stopped, no book: start opens a stream for a snapshot',
    from: machine('stopped'),
    input: { type: 'start' },
    phase: 'connecting',
    effects: ['disconnect', 'open'],
    check: (_, e) => expect(e[1]).toEqual({ type: 'open', resume: null }),
  },
  {
    name: 'stopped, with a book: start first asks the relay whether it restarted',
    from: withBook('stopped'),
    input: { type: 'start' },
    phase: 'reconnecting',
    effects: ['disconnect', 'check_restart'],
    check: (_, e) => expect(e[1]).toEqual({ type: 'check_restart', received: 5, logId: 'L1' }),
  },

  {
    name: 'connecting: opened for a snapshot',
    from: machine('connecting'),
    input: { type: 'opened', resumed: false },
    phase: 'loading_snapshot',
    effects: [],
  },
  {
    name: 'connecting: opened resumed is live at once',
    from: withBook('connecting'),
    input: { type: 'opened', resumed: true },
    phase: 'live',
    effects: ['set_feed'],
    check: (_, e) => expect(patchOf(e)[0]).toEqual({ status: 'LIVE', attempt: 0, retryAt: null, error: null }),
  },
  {
    name: 'connecting: relay did not restart, resume',
    from: withBook('connecting'),
    input: { type: 'checked', restarted: false },
    phase: 'connecting',
    effects: ['open'],
    check: (_, e) => expect(e[0]).toEqual({ type: 'open', resume: { received: 5, logId: 'L1' } }),
  },
  {
    name: 'connecting: relay restarted, drop the book and ask for a snapshot',
    from: withBook('connecting'),
    input: { type: 'checked', restarted: true },
    phase: 'resyncing',
    effects: ['set_feed', 'open'],
    check: (s, e) => {
      expect(s.hasBook).toBe(false);
      expect(s.counters.restarts).toBe(1);
      expect(s.restartCounted).toBe(true);
      expect(e[1]).toEqual({ type: 'open', resume: null });
    },
  },
  {
    name: 'connecting: failure backs off',
    from: machine('connecting'),
    input: { type: 'failed', reason: 'HTTP 502' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
    check: (s, e) => {
      expect(s.attempt).toBe(1);
      // random 0.5 → 3/4 of the first 500 ms step.
      expect(e[2]).toEqual({ type: 'retry_in', ms: 375 });
      expect(patchOf(e)[0]).toEqual({ status: 'RECONNECTING', attempt: 1, retryAt: NOW + 375, error: 'HTTP 502' });
    },
  },
  { name: 'connecting: stop', from: machine('connecting'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },

  {
    name: 'loading snapshot: the snapshot makes the book',
    from: machine('loading_snapshot', { attempt: 3 }),
    input: { type: 'snapshot', snapshot: snap(9, { skipped: 2 }) },
    phase: 'live',
    effects: ['apply_snapshot'],
    check: (s, e) => {
      expect(s).toMatchObject({ hasBook: true, received: 9, logId: 'L1', heartbeatMs: 2000, attempt: 0 });
      expect(s.counters.badMessages).toBe(2);
      // The page's first book replaces nothing.
      expect(e[0]).toMatchObject({ afterRestart: false });
    },
  },
  {
    name: 'loading snapshot: a bad message is counted',
    from: machine('loading_snapshot'),
    input: { type: 'bad_message' },
    phase: 'loading_snapshot',
    effects: [],
    check: (s) => expect(s.counters.badMessages).toBe(1),
  },
  {
    name: 'loading snapshot: failure backs off',
    from: machine('loading_snapshot', { attempt: 2 }),
    input: { type: 'failed', reason: 'stream closed by relay' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
    check: (s) => expect(s.attempt).toBe(3),
  },
  { name: 'loading snapshot: stop', from: machine('loading_snapshot'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },

  {
    name: 'live: events in order are queued',
    from: withBook('live'),
    input: events(created(6, 'a'), created(7, 'b')),
    phase: 'live',
    effects: ['enqueue'],
    check: (s, e) => {
      expect(s.received).toBe(7);
      expect(queued(e)).toEqual([6, 7]);
    },
  },
  {
    name: 'live: duplicates are dropped and counted',
    from: withBook('live'),
    input: events(created(4, 'x'), created(5, 'y'), created(6, 'a')),
    phase: 'live',
    effects: ['enqueue'],
    check: (s, e) => {
      expect(s.counters.duplicates).toBe(2);
      expect(queued(e)).toEqual([6]);
    },
  },
  {
    name: 'live: a gap queues what came before it and resyncs',
    from: withBook('live'),
    input: events(created(6, 'a'), created(9, 'x')),
    phase: 'resyncing',
    effects: ['enqueue', 'disconnect', 'set_feed', 'open'],
    check: (s, e) => {
      expect(s).toMatchObject({ hasBook: false, received: 6, lastResyncAt: NOW });
      expect(s.counters).toMatchObject({ gaps: 1, resyncs: 1 });
      expect(patchOf(e)[0]).toEqual({ status: 'RESYNCING', error: 'gap in stream: expected 7, got 9' });
    },
  },
  {
    name: 'live: a second gap within a second waits before resyncing',
    from: withBook('live', { lastResyncAt: NOW - 400 }),
    input: events(created(8, 'x')),
    phase: 'resyncing',
    effects: ['enqueue', 'disconnect', 'set_feed', 'retry_in'],
    check: (_, e) => expect(e[3]).toEqual({ type: 'retry_in', ms: 1000 }),
  },
  {
    name: 'live: an unreadable events message is counted',
    from: withBook('live'),
    input: { type: 'events', data: 'not json' },
    phase: 'live',
    effects: [],
    check: (s) => expect(s.counters.badMessages).toBe(1),
  },
  {
    name: 'live: a heartbeat moves the relay clock',
    from: withBook('live'),
    input: beat(5),
    phase: 'live',
    effects: ['heartbeat'],
    check: (s, e) => {
      expect(e[0]).toEqual({ type: 'heartbeat', relayNow: T0 });
      expect(s.aheadRseq).toBeNull();
    },
  },
  {
    name: 'live: a heartbeat ahead of us is remembered, not yet a gap',
    from: withBook('live'),
    input: beat(7),
    phase: 'live',
    effects: ['heartbeat'],
    check: (s) => expect(s.aheadRseq).toBe(7),
  },
  {
    name: 'live: a second heartbeat still ahead proves the events lost',
    from: withBook('live', { aheadRseq: 7 }),
    input: beat(7),
    phase: 'resyncing',
    effects: ['disconnect', 'set_feed', 'open'],
    check: (s, e) => {
      expect(s.counters.gaps).toBe(1);
      expect(patchOf(e)[0]!.error).toBe('missed events up to 7');
    },
  },
  {
    name: 'live: a heartbeat behind us means the relay restarted',
    from: withBook('live'),
    input: beat(2),
    phase: 'resyncing',
    effects: ['disconnect', 'set_feed', 'open'],
    check: (s) => {
      expect(s.counters.restarts).toBe(1);
      expect(s.restartCounted).toBe(true);
    },
  },
  {
    name: 'live: a heartbeat from another log means the relay restarted',
    from: withBook('live'),
    input: beat(5, { log_id: 'L2' }),
    phase: 'resyncing',
    effects: ['disconnect', 'set_feed', 'open'],
    check: (s) => expect(s.counters.restarts).toBe(1),
  },
  {
    name: 'live: a degraded heartbeat turns the feed stale',
    from: withBook('live'),
    input: beat(5, { degraded: true }),
    phase: 'stale',
    effects: ['heartbeat', 'set_feed'],
    check: (s, e) => {
      expect(s.degraded).toBe(true);
      expect(patchOf(e)[0]).toEqual({ status: 'STALE', error: 'relay reports its event store unreachable' });
    },
  },
  {
    name: 'live: an unreadable heartbeat is counted',
    from: withBook('live'),
    input: { type: 'heartbeat', data: '{"now":"x"}' },
    phase: 'live',
    effects: [],
    check: (s) => expect(s.counters.badMessages).toBe(1),
  },
  {
    name: 'live: two quiet heartbeats turn it stale',
    from: withBook('live'),
    input: { type: 'quiet' },
    phase: 'stale',
    effects: ['set_feed'],
    check: (_, e) => expect(patchOf(e)[0]).toEqual({ status: 'STALE' }),
  },
  {
    name: 'live: a fresh snapshot on the stream replaces the book',
    from: withBook('live'),
    input: { type: 'snapshot', snapshot: snap(3) },
    phase: 'live',
    effects: ['apply_snapshot'],
    check: (s, e) => {
      expect(s.received).toBe(3);
      expect(s.counters.restarts).toBe(1);
      expect(e[0]).toMatchObject({ afterRestart: true });
    },
  },
  {
    name: 'live: a bad message is counted',
    from: withBook('live'),
    input: { type: 'bad_message' },
    phase: 'live',
    effects: [],
    check: (s) => expect(s.counters.badMessages).toBe(1),
  },
  {
    name: 'live: four silent heartbeats give the connection up',
    from: withBook('live'),
    input: { type: 'failed', reason: 'no data for 4 s' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
  },
  { name: 'live: stop', from: withBook('live'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },

  {
    name: 'stale: events revive it',
    from: withBook('stale'),
    input: events(created(6, 'a')),
    phase: 'live',
    effects: ['enqueue', 'set_feed'],
    check: (_, e) => expect(patchOf(e)[0]!.status).toBe('LIVE'),
  },
  {
    name: 'stale: events from a degraded relay do not',
    from: withBook('stale', { degraded: true }),
    input: events(created(6, 'a')),
    phase: 'stale',
    effects: ['enqueue'],
  },
  {
    name: 'stale: a healthy heartbeat revives it',
    from: withBook('stale', { degraded: true }),
    input: beat(5),
    phase: 'live',
    effects: ['heartbeat', 'set_feed'],
    check: (s) => expect(s.degraded).toBe(false),
  },
  {
    name: 'stale: a snapshot makes it live',
    from: withBook('stale'),
    input: { type: 'snapshot', snapshot: snap(5) },
    phase: 'live',
    effects: ['apply_snapshot'],
  },
  { name: 'stale: a bad message is counted', from: withBook('stale'), input: { type: 'bad_message' }, phase: 'stale', effects: [] },
  {
    name: 'stale: failure backs off',
    from: withBook('stale'),
    input: { type: 'failed', reason: 'x' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
  },
  { name: 'stale: stop', from: withBook('stale'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },

  {
    name: 'reconnecting: the retry with a book checks for a restart',
    from: withBook('reconnecting', { attempt: 2 }),
    input: { type: 'retry_due' },
    phase: 'reconnecting',
    effects: ['disconnect', 'check_restart'],
  },
  {
    name: 'reconnecting: the retry without a book asks for a snapshot',
    from: machine('reconnecting', { attempt: 2 }),
    input: { type: 'retry_due' },
    phase: 'reconnecting',
    effects: ['disconnect', 'open'],
  },
  {
    name: 'reconnecting: "reconnect now" does not wait for the timer',
    from: withBook('reconnecting', { attempt: 6 }),
    input: { type: 'retry_now' },
    phase: 'reconnecting',
    effects: ['disconnect', 'check_restart'],
  },
  {
    name: 'reconnecting: relay did not restart, resume',
    from: withBook('reconnecting'),
    input: { type: 'checked', restarted: false },
    phase: 'reconnecting',
    effects: ['open'],
  },
  {
    name: 'reconnecting: relay restarted',
    from: withBook('reconnecting'),
    input: { type: 'checked', restarted: true },
    phase: 'resyncing',
    effects: ['set_feed', 'open'],
  },
  {
    name: 'reconnecting: resumed is live, attempts reset',
    from: withBook('reconnecting', { attempt: 4 }),
    input: { type: 'opened', resumed: true },
    phase: 'live',
    effects: ['set_feed'],
    check: (s) => expect(s.attempt).toBe(0),
  },
  {
    name: 'reconnecting: opened for a snapshot',
    from: machine('reconnecting', { attempt: 4 }),
    input: { type: 'opened', resumed: false },
    phase: 'loading_snapshot',
    effects: [],
  },
  {
    name: 'reconnecting: another failure backs off longer, capped',
    from: machine('reconnecting', { attempt: 12 }),
    input: { type: 'failed', reason: 'x' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
    check: (_, e) => expect(e[2]).toEqual({ type: 'retry_in', ms: 22_500 }),
  },
  { name: 'reconnecting: stop', from: machine('reconnecting'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },

  {
    name: 'resyncing: the delayed resync opens for a snapshot',
    from: machine('resyncing', { received: 9 }),
    input: { type: 'retry_due' },
    phase: 'resyncing',
    effects: ['disconnect', 'open'],
  },
  {
    name: 'resyncing: opened for the snapshot',
    from: machine('resyncing'),
    input: { type: 'opened', resumed: false },
    phase: 'loading_snapshot',
    effects: [],
  },
  {
    name: 'resyncing: opened resumed',
    from: withBook('resyncing'),
    input: { type: 'opened', resumed: true },
    phase: 'live',
    effects: ['set_feed'],
  },
  {
    name: 'resyncing: checked, not restarted',
    from: withBook('resyncing'),
    input: { type: 'checked', restarted: false },
    phase: 'resyncing',
    effects: ['open'],
  },
  {
    name: 'resyncing: checked, restarted',
    from: withBook('resyncing'),
    input: { type: 'checked', restarted: true },
    phase: 'resyncing',
    effects: ['set_feed', 'open'],
  },
  {
    name: 'resyncing: failure backs off',
    from: machine('resyncing'),
    input: { type: 'failed', reason: 'x' },
    phase: 'reconnecting',
    effects: ['disconnect', 'set_feed', 'retry_in'],
  },
  { name: 'resyncing: stop', from: machine('resyncing'), input: { type: 'stop' }, phase: 'stopped', effects: ['disconnect'] },
];

const INPUTS: Body[] = [
  { type: 'start' },
  { type: 'stop' },
  { type: 'checked', restarted: false },
  { type: 'opened', resumed: false },
  { type: 'snapshot', snapshot: snap(1) },
  events(created(6, 'a')),
  beat(5),
  { type: 'bad_message' },
  { type: 'quiet' },
  { type: 'failed', reason: 'x' },
  { type: 'retry_due' },
  { type: 'retry_now' },
];

describe('feed machine', () => {
  it.each(ROWS)('$name', (row) => {
    const { state, effects } = feedTransition(row.from, at(row.input), RULES);
    expect(state.phase).toBe(row.phase);
    expect(kinds(effects)).toEqual(row.effects);
    row.check?.(state, effects);
  });

  it('has a row above for every entry of the table', () => {
    const covered = new Set(ROWS.map((r) => `${r.from.phase} ${r.input.type}`));
    const listed = Object.entries(FEED_TABLE).flatMap(([phase, handlers]) => Object.keys(handlers).map((input) => `${phase} ${input}`));
    expect(listed.filter((entry) => !covered.has(entry))).toEqual([]);
  });

  it('ignores every input a phase does not list: same state, nothing done', () => {
    for (const phase of Object.keys(FEED_TABLE) as FeedPhase[]) {
      for (const input of INPUTS) {
        if (FEED_TABLE[phase][input.type] !== undefined) continue;
        const from = withBook(phase);
        const step = feedTransition(from, at(input), RULES);
        expect(step.state, `${phase} ${input.type}`).toBe(from);
        expect(step.effects, `${phase} ${input.type}`).toEqual([]);
      }
    }
  });

  it('counts a restart once when the heartbeat noticed it before the snapshot came', () => {
    let s = withBook('live', { received: 50 });
    s = feedTransition(s, at(beat(2)), RULES).state;
    s = feedTransition(s, at({ type: 'opened', resumed: false }), RULES).state;
    s = feedTransition(s, at({ type: 'snapshot', snapshot: snap(2) }), RULES).state;
    expect(s.counters.restarts).toBe(1);
    expect(s.restartCounted).toBe(false);
  });

  it('never mutates the state it was given', () => {
    const from = Object.freeze(withBook('live'));
    expect(() => feedTransition(from, at(events(created(6, 'a'), created(9, 'b'))), RULES)).not.toThrow();
    expect(from.received).toBe(5);
  });
});
