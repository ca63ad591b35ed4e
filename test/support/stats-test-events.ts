import type { OrderEvent } from '../../src/core/events';
import type { Status } from '../../src/core/status';
import type { Rng } from '../../src/lib/rng';
import * as base from './event-builders';

/** The stats tests' shorthand over the one set of builders (event-builders.ts): time first, engine e1. Epoch ms. */
export function created(id: string, ts: number, size = 1000, symbol = 'BTC-USD'): OrderEvent {
  return base.created(id, { ts, engine: 'e1', size_usd: size, symbol });
}

export function moved(id: string, ts: number, status: Status, reason?: string): OrderEvent {
  return base.moved(id, status, { ts, engine: 'e1', reason });
}

export function filled(id: string, ts: number, value: number, fees: number, price = 50_000): OrderEvent {
  return base.filled(id, value, { ts, engine: 'e1', filled_size: value / price, fees });
}

/**
 * A seeded mix of lifecycles spread over `spanMs` from `start`, returned in time order:
 * fills, partials, cancels, rejects, failures, some left open, and a few invalid moves.
 */
export function lifecycleMix(rng: Rng, count: number, start: number, spanMs: number): OrderEvent[] {
  const events: OrderEvent[] = [];
  for (let i = 0; i < count; i++) {
    const id = `o${i}`;
    let t = start + Math.floor(rng.next() * spanMs);
    const step = (): number => (t += rng.int(50, 20_000));
    events.push(created(id, t));
    const fate = rng.int(0, 9);
    if (fate === 0) {
      events.push(moved(id, step(), 'REJECTED', 'insufficient margin'));
      continue;
    }
    if (fate === 1) {
      events.push(moved(id, step(), 'FAILED', 'route down'));
      continue;
    }
    events.push(moved(id, step(), 'OPEN'));
    if (fate === 2) continue;
    if (fate === 3) {
      events.push(moved(id, step(), 'CANCELED'));
      continue;
    }
    const parts = rng.int(1, 4);
    for (let p = 1; p <= parts; p++) events.push(filled(id, step(), (1000 * p) / parts, p * 0.4));
    if (fate === 4) events.push(moved(id, step(), 'OPEN'));
  }
  return events.sort((a, b) => a.ts - b.ts);
}
