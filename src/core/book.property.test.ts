import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialStream, sequencedStream } from '../../test/arbitraries/order-events';
import { bookState, snapshotThroughJson } from '../../test/support/book-state';
import { checkProperty } from '../../test/support/check-property';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import { cleanup } from './cleanup';
import type { OrderEvent } from './events';
import type { Order } from './order';
import { restoreBook } from './restore';
import { isActive, isTerminal, STATUSES, zeroByStatus } from './status';
import { summarize } from './summary';
import { canTransition } from './transitions';

function replay(events: readonly OrderEvent[], book: OrderBook = createBook()): OrderBook {
  for (const e of events) applyEvent(book, e);
  return book;
}

/** The invariants every order satisfies whatever the engine sent. */
function expectOrderConsistent(o: Order): void {
  expect(o.fill_pct).toBeGreaterThanOrEqual(0);
  expect(o.fill_pct).toBeLessThanOrEqual(100);
  const ratio = o.filled_value / o.filled_size;
  expect(o.avg_price).toBe(o.filled_size > 0 && Number.isFinite(ratio) ? ratio : null);
  if (o.history.length === 0) expect(o.status).toBe('NEW');
  else expect(o.history.at(-1)!.to).toBe(o.status);
  let at: string = 'NEW';
  for (const h of o.history) {
    expect(h.from).toBe(at);
    expect(canTransition(h.from, h.to)).toBe(true);
    at = h.to;
  }
  expect(o.completed_at !== null).toBe(isTerminal(o.status));
  expect(o.submitted_at !== null).toBe(o.history.some((h) => h.to === 'OPEN'));
  expect(o.first_fill_at !== null).toBe(o.fills.some((f) => f.filled_size > 0 || f.filled_value > 0));
}

function expectSummaryMatchesScan(book: OrderBook): void {
  const scan = zeroByStatus();
  for (const o of book.orders.values()) scan[o.status]++;
  const s = summarize(book);
  expect(s.by_status).toEqual(scan);
  expect(s.total_orders).toBe(book.orders.size);
  expect(s.active_orders + s.terminal_orders).toBe(s.total_orders);
  expect(s.active_orders).toBe(STATUSES.filter(isActive).reduce((n, st) => n + scan[st], 0));
}

describe('lifecycle properties over random adversarial streams', () => {
  it('a terminal order never changes afterwards', () => {
    checkProperty(
      fc.property(adversarialStream, (events) => {
        const book = createBook();
        const frozen = new Map<string, string>();
        for (const e of events) {
          applyEvent(book, e);
          const changed = [...frozen].filter(([id, json]) => JSON.stringify(book.orders.get(id)) !== json);
          if (changed.length > 0)
            expect(changed.map(([id]) => JSON.stringify(book.orders.get(id)))).toEqual(changed.map(([, json]) => json));
          if (e.type === 'engine_heartbeat') continue;
          const o = book.orders.get(e.client_order_id);
          if (o !== undefined && isTerminal(o.status) && !frozen.has(o.client_order_id)) frozen.set(o.client_order_id, JSON.stringify(o));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('summary counts add up and match a full scan after every event', () => {
    checkProperty(
      fc.property(adversarialStream, (events) => {
        const book = createBook();
        for (const e of events) {
          applyEvent(book, e);
          expectSummaryMatchesScan(book);
        }
      }),
    );
  });

  it('fill_pct stays within 0–100 and history agrees with status for every order', () => {
    checkProperty(
      fc.property(adversarialStream, (events) => {
        for (const o of replay(events).orders.values()) expectOrderConsistent(o);
      }),
      { numRuns: 300 },
    );
  });

  it('anomaly counts by kind add up to the anomalies recorded', () => {
    checkProperty(
      fc.property(adversarialStream, (events) => {
        const book = replay(events);
        const byKind: Record<string, number> = {};
        for (const a of book.anomalies.toArray()) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
        for (const [kind, n] of Object.entries(book.anomalyCounts)) expect(n).toBe(byKind[kind] ?? 0);
        expect(book.eventsSeen + book.duplicates).toBe(events.length);
      }),
    );
  });

  it('replay is deterministic', () => {
    checkProperty(
      fc.property(adversarialStream, (events) => {
        const a = replay(events);
        const b = replay(structuredClone(events));
        expect(bookState(b)).toEqual(bookState(a));
        expect(b.duplicates).toBe(a.duplicates);
      }),
    );
  });

  it('lines duplicated later with the same seq end in the same state as without', () => {
    const withCopies = sequencedStream.chain((events) =>
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: Math.max(0, events.length * 2) }).map((picks) => {
        if (events.length === 0) return { events, noisy: events, copies: 0 };
        // Each copy goes somewhere after its original, never before it.
        const inserts = picks.map(([which, delay]) => ({
          at: (which % events.length) + 1 + (delay % (events.length + 1)),
          event: events[which % events.length]!,
        }));
        const noisy: OrderEvent[] = [];
        for (let i = 0; i <= events.length; i++) {
          for (const ins of inserts) if (Math.min(ins.at, events.length) === i) noisy.push(ins.event);
          if (i < events.length) noisy.push(events[i]!);
        }
        return { events, noisy, copies: inserts.length };
      }),
    );
    checkProperty(
      fc.property(withCopies, ({ events, noisy, copies }) => {
        const clean = replay(events);
        const dirty = replay(noisy);
        expect(bookState(dirty)).toEqual(bookState(clean));
        expect(dirty.duplicates).toBe(copies);
      }),
      { numRuns: 200 },
    );
  });

  it('a JSON snapshot and restore mid-stream ends in the same state as straight through', () => {
    checkProperty(
      fc.property(adversarialStream, fc.nat(), (events, cut) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const straight = replay(events);
        const resumed = replay(events.slice(at), restoreBook(snapshotThroughJson(replay(events.slice(0, at)))));
        expect(bookState(resumed)).toEqual(bookState(straight));
      }),
      { numRuns: 200 },
    );
  });

  it('cleanup keeps every active order and the newest N terminal ones', () => {
    checkProperty(
      fc.property(adversarialStream, fc.integer({ min: 0, max: 4 }), (events, keep) => {
        const book = replay(events);
        const active = [...book.orders.values()].filter((o) => isActive(o.status)).map((o) => o.client_order_id);
        const terminalBefore = [...book.orders.values()].filter((o) => isTerminal(o.status));
        const removed = new Set(cleanup(book, keep));
        const kept = terminalBefore.filter((o) => !removed.has(o.client_order_id));
        expect(kept.length).toBe(Math.min(keep, terminalBefore.length));
        for (const id of active) expect(book.orders.has(id)).toBe(true);
        for (const gone of terminalBefore.filter((o) => removed.has(o.client_order_id))) {
          expect(book.orders.has(gone.client_order_id)).toBe(false);
          for (const k of kept) expect(k.completed_at!).toBeGreaterThanOrEqual(gone.completed_at!);
        }
        expectSummaryMatchesScan(book);
      }),
    );
  });
});
