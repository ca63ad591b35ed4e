import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import { createDashboard } from './dashboard-store';
import type { Clock } from '../lib/clock';
import { createStatsFeed } from './stats-feed';
import { created, filled, moved } from '../../test/support/stats-test-events';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function setup() {
  let now = T0;
  const frames: (() => void)[] = [];
  const dashboard = createDashboard({ frame: (fn) => frames.push(fn), now: () => now });
  const ticks: (() => void)[] = [];
  let running = 0;
  const ticker: Pick<Clock, 'every'> = {
    every(_ms, fn) {
      ticks.push(fn);
      running++;
      return () => {
        running--;
        ticks.splice(ticks.indexOf(fn), 1);
      };
    },
  };
  const feed = createStatsFeed(dashboard, { ticker, afterPaint: queueMicrotask });
  const flush = (): void => frames.splice(0).forEach((fn) => fn());
  const tick = (ms: number): void => {
    now += ms;
    ticks.forEach((fn) => fn());
  };
  return { dashboard, feed, flush, tick, running: () => running };
}

describe('stats feed', () => {
  it('publishes on the ticker, not per event', () => {
    const { dashboard, feed, flush, tick } = setup();
    const seen: number[] = [];
    const off = feed.subscribe(() => seen.push(feed.getSnapshot().throughput[59]!.created));
    dashboard.enqueue([
      { rseq: 1, at: T0, event: created('a', T0) },
      { rseq: 2, at: T0, event: created('b', T0) },
    ]);
    flush();
    expect(feed.getSnapshot().throughput[59]!.created).toBe(0);
    tick(1_000);
    expect(seen).toEqual([2]);
    off();
  });

  it('runs its timer only while someone watches', () => {
    const { feed, running } = setup();
    const a = feed.subscribe(() => {});
    const b = feed.subscribe(() => {});
    expect(running()).toBe(1);
    a();
    b();
    expect(running()).toBe(0);
  });

  it('rebuilds from a snapshot on the relay clock and publishes at once', async () => {
    const { dashboard, feed } = setup();
    const book = createBook();
    for (const e of [created('x', T0 - 5_000), moved('x', T0 - 4_000, 'OPEN'), filled('x', T0 - 3_000, 1000, 2)]) applyEvent(book, e);
    let published = 0;
    feed.subscribe(() => published++);
    // The relay's clock is an hour ahead of this browser's: the minutes must follow the relay.
    dashboard.applySnapshot(book, 3, T0 + 3_600_000, 300, 5_000);
    await Promise.resolve();
    expect(published).toBe(1);
    expect(feed.getSnapshot().at).toBe(T0 + 3_600_000);
    expect(feed.getSnapshot().throughput[59]!.created).toBe(0);
    dashboard.applySnapshot(book, 3, T0 + 1_000, 300, 5_000);
    await Promise.resolve();
    expect(feed.getSnapshot().throughput[58]).toMatchObject({ created: 1, completions: 1, fees: 2 });
    expect(feed.getSnapshot().timeToComplete).toEqual({ p50: 2_000, p95: 2_000, n: 1 });
  });
});
