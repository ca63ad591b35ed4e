import { describe, expect, it } from 'vitest';
import { createBook } from '../core/book';
import { bookOf } from './book-fixtures';
import { createDashboard } from './dashboard-store';
import { createScanFeed } from './scan-feed';
import { thresholdsOf } from './stale-rules';
import { created } from './stats-test-events';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function setup(scanCostMs = 1) {
  let clock = 0;
  const frames: (() => void)[] = [];
  const dashboard = createDashboard({ frame: (fn) => frames.push(fn), now: () => T0 });
  // Each scan "takes" scanCostMs on the stopwatch: two reads per scan, the second one later.
  let reads = 0;
  const feed = createScanFeed(dashboard, () => (++reads % 2 === 0 ? (clock += scanCostMs) : clock));
  let rseq = 0;
  const stream = (id: string): void => {
    dashboard.enqueue([{ rseq: ++rseq, at: T0, event: created(id, T0) }]);
    frames.splice(0).forEach((fn) => fn());
  };
  return { dashboard, feed, stream, wait: (ms: number) => void (clock += ms) };
}

describe('scan feed', () => {
  it('shares one scan within a clock second; a new second, other limits or a new book scan again', () => {
    const { feed, stream, wait } = setup();
    const t = thresholdsOf(300);
    const first = feed.scan(t, T0);
    stream('new-order');
    // Same second: the same scan, even though the book changed (rows wait for the next tick).
    expect(feed.scan(thresholdsOf(300), T0 + 999)).toBe(first);
    expect(first.active).toHaveLength(0);
    wait(1000);
    const nextSecond = feed.scan(t, T0 + 1000);
    expect(nextSecond).not.toBe(first);
    expect(nextSecond.active.map((o) => o.client_order_id)).toEqual(['new-order']);
    expect(feed.scan(thresholdsOf(60), T0 + 1000)).not.toBe(nextSecond);
  });

  it('moves its generation and rescans at once for a new book from a snapshot', () => {
    const { dashboard, feed } = setup();
    let notified = 0;
    feed.subscribe(() => notified++);
    expect(feed.scan(thresholdsOf(300), T0).active).toHaveLength(0);
    dashboard.applySnapshot(bookOf([{ id: 'from-snapshot', createdAt: T0 - 1000 }]), 7, T0, 300, 5000);
    expect(notified).toBe(1);
    expect(feed.generation()).toBe(1);
    expect(feed.scan(thresholdsOf(300), T0).active.map((o) => o.client_order_id)).toEqual(['from-snapshot']);
    dashboard.applySnapshot(createBook(), 8, T0, 300, 5000);
    expect(feed.scan(thresholdsOf(300), T0).active).toHaveLength(0);
  });

  it('reuses a scan that cost more than a tenth of a second for ten times its cost', () => {
    const { feed, wait } = setup(300);
    const t = thresholdsOf(300);
    const slow = feed.scan(t, T0);
    wait(1000);
    expect(feed.scan(t, T0 + 1000)).toBe(slow);
    wait(2100);
    expect(feed.scan(t, T0 + 4000)).not.toBe(slow);
  });
});
