import { describe, expect, it } from 'vitest';
import { createBook } from '../core/book';
import { bookOf } from '../../test/support/book-fixtures';
import { createDashboard } from './dashboard-store';
import { createScanFeed } from './scan-feed';
import { thresholdsOf } from '../core/stale-rules';
import { created, moved } from '../../test/support/stats-test-events';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const LIMITS = thresholdsOf(300);

/** `msPerRead`: how far the stopwatch moves each time the feed reads it (the cost of the work between reads). */
function setup(msPerRead = 0) {
  let clock = 0;
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const dashboard = createDashboard({ frame: (fn) => frames.push(fn), now: () => T0, later: (fn) => tasks.push(fn) });
  const feed = createScanFeed(dashboard, { now: () => (clock += msPerRead) });
  let notified = 0;
  feed.subscribe(() => notified++);
  let rseq = 0;
  const post = (...events: Parameters<typeof dashboard.enqueue>[0][number]['event'][]): void => {
    dashboard.enqueue(events.map((event) => ({ rseq: ++rseq, at: T0, event })));
    frames.splice(0).forEach((fn) => fn());
  };
  /** Runs one queued slice; false when none was queued. */
  const runSlice = (): boolean => {
    const task = tasks.shift();
    task?.();
    return task !== undefined;
  };
  const ids = (orders: readonly { client_order_id: string }[]): string[] => orders.map((o) => o.client_order_id);
  return { dashboard, feed, post, runSlice, tasks, ids, notified: () => notified, wait: (ms: number) => void (clock += ms) };
}

describe('scan feed', () => {
  it('keeps the current scan until the next second’s, made in a later task, is done', () => {
    const { feed, post, runSlice, tasks, ids, notified } = setup();
    const first = feed.current(LIMITS, T0);
    post(created('new-order', T0));
    feed.request(LIMITS, T0 + 999);
    expect(tasks).toHaveLength(0);
    expect(feed.current(LIMITS, T0 + 999)).toBe(first);

    feed.request(LIMITS, T0 + 1000);
    feed.request(LIMITS, T0 + 1000);
    expect(tasks).toHaveLength(1);
    expect(feed.current(LIMITS, T0 + 1000)).toBe(first);
    while (runSlice());
    const next = feed.current(LIMITS, T0 + 1000);
    expect(next).not.toBe(first);
    expect(next.now).toBe(T0 + 1000);
    expect(ids(next.active)).toEqual(['new-order']);
    expect(notified()).toBe(1);
  });

  it('scans a big book in slices of about 4 ms, taking in orders that arrive and finish between slices', () => {
    const { dashboard, feed, post, runSlice, ids, wait } = setup(1);
    dashboard.applySnapshot(
      bookOf(Array.from({ length: 20_000 }, (_, i) => ({ id: `o${i}`, createdAt: T0 - 30_000 + i, engine: 'e1' }))),
      0,
      T0,
      300,
      5000,
    );
    feed.current(LIMITS, T0);
    wait(1000);
    feed.request(LIMITS, T0 + 1000);
    expect(runSlice()).toBe(true);
    // The stopwatch moves 1 ms a read and is read every 1,024 orders: ~4 reads a slice.
    post(created('late', T0 + 500), moved('o0', T0 + 600, 'REJECTED'));
    let slices = 1;
    while (runSlice()) slices++;
    expect(slices).toBeGreaterThan(3);
    const scan = feed.current(LIMITS, T0 + 1000);
    expect(scan.active).toHaveLength(20_000);
    expect(scan.active.at(-1)?.client_order_id).toBe('late');
    expect(ids(scan.active)).not.toContain('o0');
    expect(ids(scan.terminal)).toEqual(['o0']);
  });

  it('drops a scan under way for a replaced book, and scans a new book at once', () => {
    const { dashboard, feed, runSlice, tasks, ids, notified, wait } = setup(1);
    dashboard.applySnapshot(bookOf(Array.from({ length: 5_000 }, (_, i) => ({ id: `o${i}`, createdAt: T0 - 1000 }))), 1, T0, 300, 5000);
    expect(notified()).toBe(1);
    expect(feed.current(LIMITS, T0).active).toHaveLength(5_000);
    wait(1000);
    feed.request(LIMITS, T0 + 1000);
    runSlice();
    expect(tasks).toHaveLength(1);
    dashboard.applySnapshot(bookOf([{ id: 'from-snapshot', createdAt: T0 - 1000 }]), 7, T0, 300, 5000);
    expect(notified()).toBe(2);
    expect(feed.generation()).toBe(2);
    while (runSlice());
    expect(notified()).toBe(2);
    expect(ids(feed.current(LIMITS, T0 + 1000).active)).toEqual(['from-snapshot']);
    dashboard.applySnapshot(createBook(), 8, T0, 300, 5000);
    expect(feed.current(LIMITS, T0 + 1000).active).toHaveLength(0);
  });

  it('scans at once under other stale limits', () => {
    const { feed, post } = setup();
    post(created('a', T0 - 120_000));
    expect(feed.current(LIMITS, T0).stale).toHaveLength(0);
    expect(feed.current(thresholdsOf(60), T0).stale).toHaveLength(1);
  });

  it('rescans a book whose scan cost more than a tenth of a second only after ten times that cost', () => {
    // Every stopwatch read is 300 ms after the one before: the scan below (two reads) costs 300 ms.
    const { feed, tasks, wait } = setup(300);
    feed.current(LIMITS, T0);
    feed.request(LIMITS, T0 + 1000);
    wait(2_000);
    feed.request(LIMITS, T0 + 3000);
    expect(tasks).toHaveLength(0);
    wait(100);
    feed.request(LIMITS, T0 + 4000);
    expect(tasks).toHaveLength(1);
  });
});
