import type { OrderLifecycleEvent } from '../../src/core/events';
import { toNdjsonLine } from '../../src/protocol/encode';
import { EventMixIterator } from './event-mix-iterator';

export interface EventMixOptions {
  readonly seed: number;
  /** Orders to create; `Infinity` gives an endless stream. */
  readonly orders: number;
  /** Orders in flight at once; events of these interleave. Default 1,000. */
  readonly maxActive?: number;
  /** Engines emitting, each with its own increasing seq. Default 3. */
  readonly engines?: number;
  /** Extra faulty lines per normal event (0–1): duplicate seq, invalid moves, regressions, unknown ids. Default 0. */
  readonly faults?: number;
  /** Most fill reports a filled order gets (the long tail). Default 6. */
  readonly maxFills?: number;
  /** Leave ~2 % of orders active forever (the engine goes quiet about them). Default true; a soak turns it off so its book can level out. */
  readonly abandon?: boolean;
  /** Epoch ms of the first event. Default 2026-11-24T00:00:00Z. */
  readonly startTs?: number;
}

/**
 * A seeded, engine-like stream of core events (ts in epoch ms): many orders interleaved, each
 * created → OPEN (with an exchange order_id) → cumulative fills → FILLED, or CANCELED/EXPIRED
 * after partial fills; some REJECTED or FAILED, some left active. Same seed, same stream.
 *
 * @example
 * for (const event of createEventMix({ seed: 7, orders: 1_000 })) applyEvent(book, event);
 */
export function createEventMix(options: EventMixOptions): Iterable<OrderLifecycleEvent> {
  return { [Symbol.iterator]: () => new EventMixIterator(options) };
}

/** The whole mix in an array, for benchmarks that must not time the generation. */
export function generateEvents(options: EventMixOptions): OrderLifecycleEvent[] {
  const out: OrderLifecycleEvent[] = [];
  for (const event of createEventMix(options)) out.push(event);
  return out;
}

/** Wire v1 NDJSON in chunks of `linesPerChunk` lines, so a million events never form one string. */
export function* ndjsonChunks(events: Iterable<OrderLifecycleEvent>, linesPerChunk = 1_000): Generator<string> {
  let chunk = '';
  let lines = 0;
  for (const event of events) {
    chunk += toNdjsonLine(event);
    if (++lines === linesPerChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (lines > 0) yield chunk;
}

/** Wire v1 NDJSON for a small mix, one string. */
export function toNdjson(events: Iterable<OrderLifecycleEvent>): string {
  let out = '';
  for (const chunk of ndjsonChunks(events)) out += chunk;
  return out;
}
