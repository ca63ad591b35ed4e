import { describe, expect, it } from 'vitest';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import type { AnomalyKind } from './anomaly';
import { ANOMALY_KINDS } from './anomaly';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import type { OrderEvent } from './events';

function bookWith(...events: OrderEvent[]): OrderBook {
  const book = createBook();
  for (const e of events) applyEvent(book, e);
  return book;
}

describe('rule 2: duplicates by seq, per engine', () => {
  it('skips a seq at or below the highest seen from the same engine, and counts it', () => {
    const book = bookWith(created('a', { seq: 5, engine: 'e1' }));
    expect(applyEvent(book, moved('a', 'OPEN', { seq: 5, engine: 'e1' })).outcome).toBe('duplicate');
    expect(applyEvent(book, moved('a', 'OPEN', { seq: 3, engine: 'e1' })).outcome).toBe('duplicate');
    expect(book.orders.get('a')!.status).toBe('NEW');
    expect(book.duplicates).toBe(2);
    expect(book.eventsSeen).toBe(1);
    expect(applyEvent(book, moved('a', 'OPEN', { seq: 6, engine: 'e1' })).outcome).toBe('applied');
    expect(book.lastSeq.get('e1')).toBe(6);
  });

  it('keeps a separate sequence for each engine', () => {
    const book = bookWith(created('a', { seq: 100, engine: 'e1' }));
    expect(applyEvent(book, created('b', { seq: 1, engine: 'e2' })).outcome).toBe('applied');
    expect(book.orders.size).toBe(2);
  });

  it('never treats an event without seq as a duplicate, and it does not move the sequence', () => {
    const book = bookWith(created('a', { seq: 7 }));
    expect(applyEvent(book, moved('a', 'OPEN')).outcome).toBe('applied');
    expect(applyEvent(book, moved('a', 'CANCELED')).outcome).toBe('applied');
    expect(book.lastSeq.get('')).toBe(7);
    expect(book.duplicates).toBe(0);
  });

  it('an event that becomes an anomaly still advances the sequence', () => {
    const book = bookWith(moved('ghost', 'OPEN', { seq: 1 }));
    expect(book.anomalyCounts.unknown_order).toBe(1);
    expect(applyEvent(book, created('ghost', { seq: 1 })).outcome).toBe('duplicate');
  });
});

describe('rule 3: order_created for an existing id', () => {
  it('leaves the order alone and records duplicate_order', () => {
    const book = bookWith(created('a', { size_usd: 1000 }), moved('a', 'OPEN'));
    const before = JSON.stringify(book.orders.get('a'));
    const result = applyEvent(book, created('a', { size_usd: 5, symbol: 'ETH-USD', ts: T0 + 9 }));
    expect(result).toMatchObject({ outcome: 'unchanged', anomalies: 1 });
    expect(JSON.stringify(book.orders.get('a'))).toBe(before);
    expect(book.anomalies.toArray()[0]!.detail).toBe('order a already exists; second order_created ignored');
  });
});

describe('rule 4: events for an unknown id', () => {
  it.each([moved('x', 'OPEN'), filled('x', 10)])('$type records unknown_order and creates nothing', (event) => {
    const book = createBook();
    expect(applyEvent(book, event)).toEqual({ outcome: 'unchanged', order: undefined, anomalies: 1 });
    expect(book.orders.size).toBe(0);
    expect(book.anomalies.toArray()[0]!.kind).toBe('unknown_order');
  });
});

describe('rule 5: transitions', () => {
  it('OPEN sets submitted_at, a terminal status sets completed_at, order_id and reason are kept', () => {
    const book = bookWith(created('a'));
    applyEvent(book, moved('a', 'OPEN', { ts: T0 + 400, order_id: 'exch_456' }));
    const order = book.orders.get('a')!;
    expect(order).toMatchObject({ status: 'OPEN', submitted_at: T0 + 400, order_id: 'exch_456', last_update_at: T0 + 400 });
    applyEvent(book, moved('a', 'REJECTED', { ts: T0 + 900, reason: 'insufficient funds' }));
    expect(order).toMatchObject({ status: 'REJECTED', submitted_at: T0 + 400, completed_at: T0 + 900, order_id: 'exch_456' });
    expect(order.history).toEqual([
      { from: 'NEW', to: 'OPEN', at: T0 + 400, cause: 'transition' },
      { from: 'OPEN', to: 'REJECTED', at: T0 + 900, cause: 'transition', reason: 'insufficient funds' },
    ]);
  });

  it('a transition without order_id keeps the one already stored', () => {
    const book = bookWith(created('a'), moved('a', 'OPEN', { order_id: 'x1' }), moved('a', 'CANCELED'));
    expect(book.orders.get('a')!.order_id).toBe('x1');
  });

  it('NEW → REJECTED never sets submitted_at', () => {
    const book = bookWith(created('a'), moved('a', 'REJECTED', { ts: T0 + 5 }));
    expect(book.orders.get('a')).toMatchObject({ submitted_at: null, completed_at: T0 + 5 });
  });

  it('a dry run goes NEW → OPEN → FILLED; NEW → FILLED is refused', () => {
    const book = bookWith(created('a', { route: 'dry_run' }), moved('a', 'FILLED'));
    expect(book.orders.get('a')!.status).toBe('NEW');
    applyEvent(book, moved('a', 'OPEN'));
    applyEvent(book, moved('a', 'FILLED'));
    expect(book.orders.get('a')!.status).toBe('FILLED');
  });

  it('a transition to the current status changes nothing, not even order_id', () => {
    const book = bookWith(created('a'), moved('a', 'OPEN', { order_id: 'x1' }));
    const before = JSON.stringify(book.orders.get('a'));
    expect(applyEvent(book, moved('a', 'OPEN', { order_id: 'x2', ts: T0 + 99_000 }))).toMatchObject({ outcome: 'unchanged', anomalies: 0 });
    expect(JSON.stringify(book.orders.get('a'))).toBe(before);
  });
});

describe('rule 7: every anomaly kind, with its record', () => {
  const scenarios: Record<AnomalyKind, { events: OrderEvent[]; detail: string }> = {
    duplicate_order: {
      events: [created('a'), created('a', { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'order a already exists; second order_created ignored',
    },
    unknown_order: { events: [moved('a', 'OPEN', { seq: 42, engine: 'e9', ts: T0 + 7 })], detail: 'OPEN for unknown order a' },
    invalid_transition: {
      events: [created('a'), moved('a', 'OPEN'), moved('a', 'NEW', { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'OPEN → NEW is not allowed',
    },
    fill_after_terminal: {
      events: [created('a'), moved('a', 'OPEN'), moved('a', 'CANCELED'), filled('a', 10, { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'fill after CANCELED ignored',
    },
    fill_regression: {
      events: [created('a'), moved('a', 'OPEN'), filled('a', 500), filled('a', 400, { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'filled_size fell from 0.005 to 0.004; fill ignored',
    },
    fill_before_open: {
      events: [created('a'), filled('a', 10, { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'fill arrived while NEW; opened implicitly',
    },
    overfill: {
      events: [created('a', { size_usd: 1000 }), moved('a', 'OPEN'), filled('a', 1002, { seq: 42, engine: 'e9', ts: T0 + 7 })],
      detail: 'filled 100.20% of size_usd 1000',
    },
    future_timestamp: {
      // What the relay makes of an event stamped an hour ahead of its clock: ts is its receive time.
      events: [created('a'), moved('a', 'NEW', { seq: 42, engine: 'e9', ts: T0 + 7, engine_ts: T0 + 7 + 3_600_000 })],
      detail: "ts 3600 s ahead of the relay's clock; applied at the time the relay received it",
    },
  };

  it('covers every kind the core knows', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...ANOMALY_KINDS].sort());
  });

  it.each(ANOMALY_KINDS)('%s keeps kind, id, engine, seq, ts and a readable detail', (kind) => {
    const book = bookWith(...scenarios[kind].events);
    expect(book.anomalies.toArray()).toEqual([
      { kind, client_order_id: 'a', engine: 'e9', seq: 42, ts: T0 + 7, detail: scenarios[kind].detail },
    ]);
    expect(book.anomalyCounts[kind]).toBe(1);
    expect(book.anomalyTotal).toBe(1);
  });

  it('an anomaly from an event without seq records seq null', () => {
    const book = bookWith(filled('nope', 1));
    expect(book.anomalies.toArray()[0]!.seq).toBeNull();
  });

  it('counts by kind stay complete when the kept list is bounded', () => {
    const book = createBook({ anomalyLimit: 2 });
    for (let i = 0; i < 5; i++) applyEvent(book, moved(`ghost${i}`, 'OPEN'));
    expect(book.anomalies.size).toBe(2);
    expect(book.anomalies.toArray().map((a) => a.client_order_id)).toEqual(['ghost3', 'ghost4']);
    expect(book.anomalyCounts.unknown_order).toBe(5);
    expect(book.anomalyTotal).toBe(5);
  });
});

describe('the result', () => {
  it('is the book’s one result object, describing the latest event applied to it', () => {
    const book = createBook();
    const first = applyEvent(book, created('a', { seq: 1, engine: 'e1' }));
    expect(first).toEqual({ outcome: 'applied', order: book.orders.get('a'), anomalies: 0 });
    const second = applyEvent(book, moved('ghost', 'OPEN', { seq: 2, engine: 'e1' }));
    expect(second).toBe(first);
    expect(second).toEqual({ outcome: 'unchanged', order: undefined, anomalies: 1 });
    expect(applyEvent(book, created('b', { seq: 2, engine: 'e1' }))).toEqual({ outcome: 'duplicate', order: undefined, anomalies: 0 });
    expect(applyEvent(createBook(), created('c'))).not.toBe(first);
  });
});

describe('engine activity and heartbeats (issue 16)', () => {
  it('records the latest ts each engine spoke at, out-of-order events never moving it back', () => {
    const book = bookWith(created('a', { ts: T0 + 5_000, engine: 'e1' }), moved('a', 'OPEN', { ts: T0 + 2_000, engine: 'e1' }));
    expect(book.engines.get('e1')).toBe(T0 + 5_000);
    applyEvent(book, moved('a', 'CANCELED', { ts: T0 + 9_000, engine: 'e1' }));
    expect(book.engines.get('e1')).toBe(T0 + 9_000);
  });

  it('a heartbeat keeps its engine alive, touches no order and dedups by seq like any event', () => {
    const book = bookWith(created('a', { ts: T0, seq: 1, engine: 'e1' }));
    const beat = (ts: number, seq?: number): OrderEvent => ({ type: 'engine_heartbeat', ts, seq, engine: 'e1' });
    const result = applyEvent(book, beat(T0 + 10_000, 2));
    expect(result.outcome).toBe('unchanged');
    expect(result.order).toBeUndefined();
    expect(book.engines.get('e1')).toBe(T0 + 10_000);
    expect(book.orders.size).toBe(1);
    expect(book.anomalyTotal).toBe(0);
    expect(applyEvent(book, beat(T0 + 20_000, 2)).outcome).toBe('duplicate');
    expect(book.engines.get('e1')).toBe(T0 + 10_000);
    applyEvent(book, beat(T0 + 30_000));
    expect(book.engines.get('e1')).toBe(T0 + 30_000);
  });
});
