import { describe, expect, it } from 'vitest';
import { applyEvent } from '../src/core/apply';
import { createBook } from '../src/core/book';
import type { OrderEvent } from '../src/core/events';
import { summarize } from '../src/core/summary';
import { decodeEvent, decodeLine } from '../src/protocol/decode';
import { toWire } from '../src/protocol/encode';
import { createEventMix, generateEvents, ndjsonChunks, toNdjson } from './support/event-mix';

const MIX = { seed: 11, orders: 2_000, maxActive: 200 };

function applied(events: readonly OrderEvent[]) {
  const book = createBook();
  for (const e of events) applyEvent(book, e);
  return book;
}

describe('event mix', () => {
  it('is the same stream for the same seed, and another for another seed', () => {
    const a = generateEvents(MIX);
    expect(generateEvents(MIX)).toEqual(a);
    expect(generateEvents({ ...MIX, seed: 12 })).not.toEqual(a);
    // Iterating twice restarts from the seed.
    const mix = createEventMix(MIX);
    expect([...mix]).toEqual([...mix]);
  });

  it('emits only events that survive the wire: decodeEvent(toWire(e)) gives e back', () => {
    for (const event of generateEvents({ ...MIX, faults: 0.05 })) {
      const decoded = decodeEvent(toWire(event));
      if (!decoded.ok) throw new Error(`${decoded.error} in ${JSON.stringify(event)}`);
      expect(decoded.event).toEqual(event);
    }
  });

  it('without faults: every order created once, seq increasing per engine, no anomaly, every ending present', () => {
    const events = generateEvents(MIX);
    const lastSeq = new Map<string, number>();
    for (const e of events) {
      expect(e.seq).toBeGreaterThan(lastSeq.get(e.engine) ?? 0);
      lastSeq.set(e.engine, e.seq!);
    }
    expect(lastSeq.size).toBe(3);
    const book = applied(events);
    expect(book.anomalyTotal).toBe(0);
    expect(book.duplicates).toBe(0);
    const summary = summarize(book);
    expect(summary.total_orders).toBe(MIX.orders);
    for (const status of ['FILLED', 'CANCELED', 'EXPIRED', 'REJECTED', 'FAILED', 'PARTIAL_FILL'] as const) {
      expect(summary.by_status[status], status).toBeGreaterThan(0);
    }
    expect(summary.active_orders).toBeGreaterThan(0);
    expect(summary.active_orders).toBeLessThan(MIX.orders * 0.05);
    // Orders fill in several cumulative reports, some in more than three.
    const fills = [...book.orders.values()].map((o) => o.fills.length);
    expect(Math.max(...fills)).toBeGreaterThan(3);
    expect(fills.filter((n) => n > 1).length).toBeGreaterThan(MIX.orders / 4);
  });

  it('with abandon off, every order ends; with it on (the default) a few stay active', () => {
    expect(summarize(applied(generateEvents({ ...MIX, abandon: false }))).active_orders).toBe(0);
    expect(summarize(applied(generateEvents(MIX))).active_orders).toBeGreaterThan(0);
  });

  it('interleaves orders: most events are not about the order of the event before', () => {
    const events = generateEvents(MIX);
    let switches = 0;
    for (let i = 1; i < events.length; i++) if (events[i]!.client_order_id !== events[i - 1]!.client_order_id) switches++;
    expect(switches / events.length).toBeGreaterThan(0.9);
  });

  it('with faults: duplicates, invalid transitions, fill regressions and unknown ids all show up', () => {
    const book = applied(generateEvents({ ...MIX, faults: 0.05 }));
    expect(book.duplicates).toBeGreaterThan(0);
    expect(book.anomalyCounts.invalid_transition).toBeGreaterThan(0);
    expect(book.anomalyCounts.fill_regression).toBeGreaterThan(0);
    expect(book.anomalyCounts.unknown_order).toBeGreaterThan(0);
    expect(book.anomalyCounts.duplicate_order).toBe(0);
  });

  it('runs endless with orders: Infinity, pulled as needed', () => {
    const taken: OrderEvent[] = [];
    for (const e of createEventMix({ seed: 3, orders: Number.POSITIVE_INFINITY })) {
      taken.push(e);
      if (taken.length === 5_000) break;
    }
    expect(taken).toHaveLength(5_000);
    expect(applied(taken).anomalyTotal).toBe(0);
  });

  it('writes NDJSON in chunks that join to the whole, one decodable line per event', () => {
    const events = generateEvents({ ...MIX, orders: 200 });
    const text = toNdjson(events);
    expect([...ndjsonChunks(events, 7)].join('')).toBe(text);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(events.length);
    expect(lines.map((l) => decodeLine(l)).every((d) => d.ok)).toBe(true);
  });
});
