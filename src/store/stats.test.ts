import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import type { OrderEvent } from '../core/events';
import { createRng } from '../lib/rng';
import { createStatsAccumulator } from './stats';
import type { StatsAccumulator } from './stats';
import { created, filled, lifecycleMix, moved } from '../../test/support/stats-test-events';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const MIN = 60_000;

/** Money sums differ in the last float bit with summation order; compare to a micro-unit. */
function rounded(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
}

/** Applies events in order with a stepped relay clock that follows the event times. */
function run(events: readonly OrderEvent[], acc: StatsAccumulator = createStatsAccumulator(), book = createBook()) {
  for (const event of events) acc.applied(applyEvent(book, event), event.ts);
  return { acc, book };
}

describe('stats accumulator', () => {
  it('counts transitions, completions, cancels and rejects per minute', () => {
    const { acc } = run([
      created('a', T0),
      moved('a', T0 + 1_000, 'OPEN'),
      filled('a', T0 + 2_000, 400, 0.4),
      filled('a', T0 + MIN + 5_000, 1000, 1),
      created('b', T0 + MIN + 6_000),
      moved('b', T0 + MIN + 7_000, 'REJECTED', 'no margin'),
      created('c', T0 + MIN + 8_000),
      moved('c', T0 + MIN + 9_000, 'OPEN'),
      moved('c', T0 + MIN + 9_500, 'CANCELED'),
    ]);
    const stats = acc.snapshot(T0 + MIN + 10_000);
    expect(stats.throughput).toHaveLength(60);
    const [first, second] = stats.throughput.slice(-2);
    expect(first).toMatchObject({ t: T0, created: 1, transitions: 2, completions: 0, fees: 0.4, filledValue: 400 });
    expect(second).toMatchObject({ t: T0 + MIN, created: 2, transitions: 4, completions: 1, cancels: 1, rejects: 1 });
    expect(second!.fees).toBeCloseTo(0.6);
    expect(stats.fillRate).toBeCloseTo(1 / 3);
    expect(stats.rejectRate).toBeCloseTo(1 / 3);
    expect(stats.last15).toEqual({ filled: 1, rejected: 1, failed: 0 });
    expect(stats.feesLastHour).toBeCloseTo(1);
  });

  it('measures time to first fill and to complete from creation', () => {
    const events: OrderEvent[] = [];
    for (let i = 1; i <= 20; i++) {
      const t = T0 + i * 10_000;
      events.push(created(`o${i}`, t), moved(`o${i}`, t + 10, 'OPEN'), filled(`o${i}`, t + i * 100, 500, 0.1));
      events.push(filled(`o${i}`, t + i * 1_000, 1000, 0.2));
    }
    const { acc } = run(events.sort((a, b) => a.ts - b.ts));
    const stats = acc.snapshot(T0 + 30 * MIN);
    expect(stats.timeToFirstFill).toEqual({ p50: 1_000, p95: 1_900, n: 20 });
    expect(stats.timeToComplete).toEqual({ p50: 10_000, p95: 19_000, n: 20 });
  });

  it('gives the same figures rebuilt from the book as counted event by event', () => {
    const rng = createRng(42);
    const events = lifecycleMix(rng, 600, T0, 90 * MIN);
    const { acc, book } = run(events);
    const now = events[events.length - 1]!.ts + 5_000;
    const rebuilt = createStatsAccumulator();
    rebuilt.rebuild(book, now);
    const a = acc.snapshot(now);
    const b = rebuilt.snapshot(now);
    expect(b.throughput.reduce((n, p) => n + p.transitions, 0)).toBeGreaterThan(300);
    expect(rounded(b)).toEqual(rounded(a));
  });

  it('keeps counting incrementally after a rebuild without double counting', () => {
    const events = lifecycleMix(createRng(7), 200, T0, 20 * MIN);
    const head = events.slice(0, 300);
    const tail = events.slice(300);
    const { book } = run(head);
    const acc = createStatsAccumulator();
    acc.rebuild(book, head[head.length - 1]!.ts);
    run(tail, acc, book);
    const { acc: straight } = run(events);
    const now = events[events.length - 1]!.ts;
    expect(rounded(acc.snapshot(now))).toEqual(rounded(straight.snapshot(now)));
  });

  it('forgets minutes older than an hour and stays at 60 points however long it runs', () => {
    const events = lifecycleMix(createRng(3), 3_000, T0, 5 * 60 * MIN);
    const { acc } = run(events);
    const end = T0 + 6 * 60 * MIN;
    const stats = acc.snapshot(end);
    expect(stats.throughput).toHaveLength(60);
    const recent = events.filter((e) => e.ts > end - 60 * MIN);
    const transitions = stats.throughput.reduce((n, p) => n + p.transitions, 0);
    expect(transitions).toBeLessThanOrEqual(recent.length);
    expect(stats.throughput[0]!.t).toBe(end - 59 * MIN);
  });

  it('bounds the latency window by count and by age', () => {
    const events: OrderEvent[] = [];
    for (let i = 0; i < 500; i++) events.push(created(`o${i}`, T0 + i * 1_000), filled(`o${i}`, T0 + i * 1_000 + 5, 1000, 1));
    const { acc } = run(events.sort((a, b) => a.ts - b.ts));
    const small = createStatsAccumulator({ maxSamples: 100 });
    run(events, small);
    expect(small.snapshot(T0 + 500_000).timeToComplete?.n).toBe(100);
    expect(acc.snapshot(T0 + 500_000).timeToComplete?.n).toBe(500);
    expect(acc.snapshot(T0 + 500_000 + 2 * 60 * MIN).timeToComplete).toBeNull();
  });

  it('puts an engine timestamp from the future into the current minute, not a later one', () => {
    const acc = createStatsAccumulator();
    acc.applied(applyEvent(createBook(), created('a', T0 + 10 * MIN)), T0);
    const stats = acc.snapshot(T0);
    expect(stats.throughput[59]).toMatchObject({ t: T0, created: 1 });
  });

  it('ignores duplicates and anomalies: they change no order', () => {
    const book = createBook();
    const acc = createStatsAccumulator();
    const seqd = (e: OrderEvent, seq: number): OrderEvent => ({ ...e, seq });
    for (const e of [
      seqd(created('a', T0), 1),
      seqd(moved('a', T0 + 1, 'OPEN'), 2),
      seqd(moved('a', T0 + 2, 'OPEN'), 2),
      moved('a', T0 + 3, 'NEW'),
    ]) {
      acc.applied(applyEvent(book, e), T0 + 10);
    }
    expect(acc.snapshot(T0 + 10).throughput[59]).toMatchObject({ created: 1, transitions: 1 });
  });
});
