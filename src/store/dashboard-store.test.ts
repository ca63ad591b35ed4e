import { describe, expect, it, vi } from 'vitest';
import { createBook } from '../core/book';
import type { StreamItem } from '../protocol/stream-messages';
import { createDashboard } from './dashboard-store';

const T0 = Date.parse('2026-11-24T12:00:00Z');

function item(rseq: number, id: string): StreamItem {
  return {
    rseq,
    at: T0,
    event: { type: 'order_created', client_order_id: id, ts: T0, engine: 'e', symbol: 'S', side: 'buy', size_usd: 10, route: 'paper' },
  };
}

describe('dashboard store', () => {
  it('commits any number of enqueues once per frame', () => {
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T0 });
    dashboard.applySnapshot(createBook(), 0, T0, 300, 5000);
    let notifications = 0;
    dashboard.store.subscribe(() => notifications++);
    for (let i = 1; i <= 1000; i++) dashboard.enqueue([item(i, `o${i}`)]);
    expect(frames).toHaveLength(1);
    expect(dashboard.book().orders.size).toBe(0);
    frames[0]!();
    expect(notifications).toBe(1);
    expect(dashboard.book().orders.size).toBe(1000);
    expect(dashboard.store.getState().feed.rseq).toBe(1000);
  });

  it('tells onApplied listeners about every event and onReset about snapshots', () => {
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T0 });
    const applied: number[] = [];
    let resets = 0;
    dashboard.onApplied((i) => applied.push(i.rseq));
    dashboard.onReset(() => resets++);
    dashboard.applySnapshot(createBook(), 0, T0, 300, 5000);
    dashboard.enqueue([item(1, 'a'), item(2, 'b')]);
    frames[0]!();
    expect(applied).toEqual([1, 2]);
    expect(resets).toBe(1);
  });

  it('a throwing listener does not stop the commit', () => {
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T0 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    dashboard.onApplied(() => {
      throw new Error('listener bug');
    });
    dashboard.applySnapshot(createBook(), 0, T0, 300, 5000);
    dashboard.enqueue([item(1, 'a'), item(2, 'b')]);
    frames[0]!();
    expect(dashboard.book().orders.size).toBe(2);
    expect(dashboard.store.getState().feed.rseq).toBe(2);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('a snapshot drops events queued for the old book', () => {
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T0 });
    dashboard.enqueue([item(1, 'old')]);
    dashboard.applySnapshot(createBook(), 10, T0, 300, 5000);
    frames[0]!();
    expect(dashboard.book().orders.has('old')).toBe(false);
  });

  it('bounds its book like the relay: finished orders beyond keep_terminal are cleaned up, active ones never', () => {
    const frames: (() => void)[] = [];
    const dashboard = createDashboard({ frame: (fn) => void frames.push(fn), now: () => T0 });
    dashboard.applySnapshot(createBook(), 0, T0, 300, 5000, 100);
    let rseq = 0;
    const at = (i: number) => T0 + i * 1000;
    // 2 active orders, then 1,500 that finish (oldest first).
    const items: StreamItem[] = [item(++rseq, 'live-1'), item(++rseq, 'live-2')];
    for (let i = 0; i < 1500; i++) {
      items.push(item(++rseq, `t${i}`));
      items.push({
        rseq: ++rseq,
        at: at(i),
        event: { type: 'order_transition', client_order_id: `t${i}`, ts: at(i), engine: 'e', status: 'REJECTED' },
      });
    }
    dashboard.enqueue(items);
    frames.shift()!();
    const book = dashboard.book();
    // keep 100 + slack 1,000: the 1,101st finished order takes the book down to the newest 100
    // (t1001–t1100), as on the relay at the same event; the 399 after it are kept.
    expect(book.byStatus.REJECTED).toBe(499);
    expect(book.orders.has('live-1') && book.orders.has('live-2')).toBe(true);
    expect(book.orders.has('t1499') && book.orders.has('t1001')).toBe(true);
    expect(book.orders.has('t1000')).toBe(false);
    expect(book.orders.size).toBe(501);
  });
});
