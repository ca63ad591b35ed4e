import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../test/support/check-property';
import type { FillEntry, HistoryEntry, Order } from '../core/order';
import { STATUSES } from '../core/status';
import type { OrderColumns } from './snapshot-columns';
import { ordersToColumns } from './snapshot-columns';
import { ordersFromColumns } from './snapshot-columns-decode';

// Times are what the wire format can carry: integer epoch ms from 1970 to year 9999. Amounts are
// any finite double (JSON cannot tell −0 from 0, nor could the v1 format).
const ms = fc.integer({ min: 0, max: 253_402_300_799_000 });
const amount = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const status = fc.constantFrom(...STATUSES);
const text = fc.oneof(fc.string(), fc.constantFrom('BTC-USD', 'eng-1', 'live', '<script>x</script>', '=1+1', '\u202e\u200b', ''));

const history: fc.Arbitrary<HistoryEntry> = fc.record(
  { from: status, to: status, at: ms, cause: fc.constantFrom('transition' as const, 'fill' as const, 'implicit' as const), reason: text },
  { requiredKeys: ['from', 'to', 'at', 'cause'] },
);
const fill: fc.Arbitrary<FillEntry> = fc.record({ at: ms, filled_size: amount, filled_value: amount, fees: amount });

const order: fc.Arbitrary<Order> = fc
  .record({
    client_order_id: fc.string(),
    order_id: fc.option(fc.string()),
    engine: text,
    symbol: text,
    side: fc.constantFrom('buy' as const, 'sell' as const),
    size_usd: amount,
    route: text,
    status,
    filled_size: amount,
    filled_value: amount,
    fees: amount,
    avg_price: fc.option(amount),
    fill_pct: amount,
    created_at: ms,
    submitted_at: fc.option(ms),
    first_fill_at: fc.option(ms),
    completed_at: fc.option(ms),
    last_update_at: ms,
    history: fc.array(history, { maxLength: 5 }),
    fills: fc.array(fill, { maxLength: 4 }),
  })
  .map((o) => ({ ...o, rev: 0 }));

/** Through JSON text and back, as the relay writes a block and the browser reads it. */
function roundTrip(orders: readonly Order[]): { orders: Order[]; skipped: number } {
  const out: Order[] = [];
  const skipped = ordersFromColumns(JSON.parse(JSON.stringify(ordersToColumns(orders))) as unknown, out);
  return { orders: out, skipped };
}

function sample(id: string, overrides: Partial<Order> = {}): Order {
  return {
    client_order_id: id,
    order_id: 'x-1',
    engine: 'eng-1',
    symbol: 'BTC-USD',
    side: 'buy',
    size_usd: 1000,
    route: 'live',
    status: 'PARTIAL_FILL',
    filled_size: 0.004,
    filled_value: 400,
    fees: 0.4,
    avg_price: 100_000,
    fill_pct: 40,
    created_at: 1_763_856_000_125,
    submitted_at: 1_763_856_000_400,
    first_fill_at: 1_763_856_001_500,
    completed_at: null,
    last_update_at: 1_763_856_001_500,
    history: [
      { from: 'NEW', to: 'OPEN', at: 1_763_856_000_400, cause: 'transition' },
      { from: 'OPEN', to: 'PARTIAL_FILL', at: 1_763_856_001_500, cause: 'fill', reason: 'why not' },
    ],
    fills: [{ at: 1_763_856_001_500, filled_size: 0.004, filled_value: 400, fees: 0.4 }],
    rev: 0,
    ...overrides,
  };
}

describe('snapshot columns', () => {
  it('gives back every order exactly: order → columns → JSON → order', () => {
    checkProperty(
      fc.property(fc.array(order, { maxLength: 30 }), (orders) => {
        const back = roundTrip(orders);
        expect(back.skipped).toBe(0);
        expect(back.orders).toEqual(orders);
      }),
      { numRuns: 300 },
    );
  });

  it('interns repeated strings once per block and keeps times as small numbers', () => {
    const orders = [sample('a'), sample('b'), sample('c', { symbol: 'ETH-USD' })];
    const cols = ordersToColumns(orders);
    expect(cols.s.filter((s) => s === 'BTC-USD')).toHaveLength(1);
    expect(cols.sym).toEqual([cols.s.indexOf('BTC-USD'), cols.s.indexOf('BTC-USD'), cols.s.indexOf('ETH-USD')]);
    expect(cols.c).toEqual([0, 0, 0]);
    expect(cols.sub).toEqual([275, 275, 275]);
    expect(cols.h).toHaveLength(3 * 2 * 5);
  });

  it('skips a bad order and keeps its neighbours with their own history and fills', () => {
    const orders = [sample('a'), sample('b', { history: [{ from: 'NEW', to: 'OPEN', at: 5, cause: 'transition' }] }), sample('c')];
    const cols = JSON.parse(JSON.stringify(ordersToColumns(orders))) as OrderColumns;
    (cols.st as unknown[])[1] = 99;
    const out: Order[] = [];
    expect(ordersFromColumns(cols, out)).toBe(1);
    expect(out).toEqual([orders[0], orders[2]]);
  });

  it('skips orders with unreadable fields, entries or string indexes, one by one', () => {
    const breakers: ((c: Record<string, unknown[]>) => void)[] = [
      (c) => void (c.id![0] = 7),
      (c) => void (c.side![0] = c.s!.indexOf('live')),
      (c) => void (c.eng![0] = '0'),
      (c) => void (c.size![0] = 'big'),
      (c) => void (c.avg![0] = 'x'),
      (c) => void (c.sub![0] = 'soon'),
      (c) => void (c.last![0] = null),
      (c) => void (c.h![3] = c.s!.indexOf('NEW')),
      (c) => void (c.h![9] = 1e9),
      (c) => void (c.f![1] = null),
    ];
    for (const breakOne of breakers) {
      const cols = JSON.parse(JSON.stringify(ordersToColumns([sample('a'), sample('b')]))) as Record<string, unknown[]>;
      breakOne(cols);
      const out: Order[] = [];
      expect(ordersFromColumns(cols, out), breakOne.toString()).toBe(1);
      expect(out.map((o) => o.client_order_id)).toEqual(['b']);
    }
  });

  it('skips a malformed block whole, counting its orders, and never throws', () => {
    const good = () => JSON.parse(JSON.stringify(ordersToColumns([sample('a'), sample('b')]))) as Record<string, unknown>;
    const shortColumn = good();
    (shortColumn.fsz as unknown[]).pop();
    const wrongCounts = good();
    (wrongCounts.hn as unknown[])[0] = 3;
    const missing = good();
    delete missing.pct;
    for (const block of [shortColumn, wrongCounts, missing]) {
      const out: Order[] = [];
      expect(ordersFromColumns(block, out)).toBe(2);
      expect(out).toEqual([]);
    }
    for (const junk of [null, 42, 'text', [], { n: -1 }, { n: 2.5 }]) expect(ordersFromColumns(junk, [])).toBe(1);
    checkProperty(
      fc.property(fc.jsonValue(), (junk) => void ordersFromColumns(junk, [])),
      { numRuns: 200 },
    );
  });
});
