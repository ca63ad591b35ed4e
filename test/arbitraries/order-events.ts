import fc from 'fast-check';
import type { OrderCreated, OrderEvent, OrderFill, OrderTransition } from '../../src/core/events';
import { STATUSES } from '../../src/core/status';

/** 2025-11-23T00:00:00Z. */
const T0 = 1_763_856_000_000;

/** A small id pool so events collide: duplicates, unknown ids and out-of-order lifecycles all happen. */
const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const ENGINES = ['', 'eng-1', 'eng-2'] as const;

const id = fc.constantFrom(...ID_POOL);
/** Whole milliseconds within ten minutes, in no particular order. */
const ts = fc.integer({ min: T0, max: T0 + 600_000 });
const engine = fc.constantFrom(...ENGINES);

/** Values around the thresholds that matter for a 1000 USD order (99.9 %, 100.1 %), plus anything. */
const amount = fc.oneof(
  fc.constantFrom(0, 25, 100, 250, 500, 998.9, 999, 1000, 1001, 1001.5, 2000),
  fc.double({ min: 0, max: 2500, noNaN: true, noDefaultInfinity: true }),
);

const createdEvent: fc.Arbitrary<OrderCreated> = fc.record({
  type: fc.constant('order_created' as const),
  client_order_id: id,
  ts,
  engine,
  symbol: fc.constantFrom('BTC-USD', 'ETH-USD'),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  size_usd: fc.oneof(fc.constantFrom(1000, 100, 250.5), fc.double({ min: 0.01, max: 5000, noNaN: true, noDefaultInfinity: true })),
  route: fc.constantFrom('live', 'paper', 'dry_run'),
});

const transitionEvent: fc.Arbitrary<OrderTransition> = fc.record(
  {
    type: fc.constant('order_transition' as const),
    client_order_id: id,
    ts,
    engine,
    status: fc.constantFrom(...STATUSES),
    order_id: fc.constantFrom('x-1', 'x-2'),
    reason: fc.constantFrom('user', 'min notional'),
  },
  { requiredKeys: ['type', 'client_order_id', 'ts', 'engine', 'status'] },
);

const fillEvent: fc.Arbitrary<OrderFill> = fc.record({
  type: fc.constant('order_fill' as const),
  client_order_id: id,
  ts,
  engine,
  filled_size: amount.map((v) => v / 50_000),
  filled_value: amount,
  fees: amount.map((v) => v / 250),
});

/** One event with no seq yet. Transitions and fills outnumber creations, as on a real feed. */
export const orderEvent: fc.Arbitrary<OrderEvent> = fc.oneof(
  { arbitrary: createdEvent, weight: 2 },
  { arbitrary: transitionEvent, weight: 3 },
  { arbitrary: fillEvent, weight: 3 },
);

type SeqPlan = { kind: 'none' } | { kind: 'next'; gap: number } | { kind: 'replay'; back: number };

const seqPlan: fc.Arbitrary<SeqPlan> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 3 }).map((gap) => ({ kind: 'next' as const, gap })), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 5 }).map((back) => ({ kind: 'replay' as const, back })), weight: 1 },
);

/**
 * Adversarial streams: unknown ids, forbidden moves, regressions, second creations, and seqs that
 * are missing, gapped or replayed (duplicates) per engine.
 */
export const adversarialStream: fc.Arbitrary<OrderEvent[]> = fc
  .tuple(
    fc.array(fc.tuple(createdEvent, seqPlan), { maxLength: 6 }),
    fc.array(fc.tuple(orderEvent, seqPlan), { maxLength: 80, size: 'medium' }),
  )
  // Most orders are created up front so their lifecycles get going; the body still creates more.
  .map(([creations, body]) => [...creations, ...body])
  .map((pairs) => {
    const last = new Map<string, number>();
    return pairs.map(([event, plan]) => {
      const top = last.get(event.engine) ?? 0;
      if (plan.kind === 'none') return event;
      if (plan.kind === 'replay') return { ...event, seq: Math.max(0, top - plan.back) };
      last.set(event.engine, top + plan.gap);
      return { ...event, seq: top + plan.gap };
    });
  });

/** Every event carries a fresh, strictly increasing seq: no duplicates until a test adds them. */
export const sequencedStream: fc.Arbitrary<OrderEvent[]> = fc
  .tuple(fc.array(createdEvent, { maxLength: 6 }), fc.array(orderEvent, { maxLength: 80, size: 'medium' }))
  .map(([creations, body]) => [...creations, ...body].map((event, i) => ({ ...event, seq: i + 1 })));
