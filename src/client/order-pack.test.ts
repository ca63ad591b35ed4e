import { describe, expect, it } from 'vitest';
import type { Order } from '../core/order';
import { openOrder, T0 } from './feed-test-kit';
import { packedBuffers, packOrders, unpackOrders } from './order-pack';

const finished: Order = {
  ...openOrder('done-1'),
  order_id: 'x-9',
  status: 'REJECTED',
  avg_price: 101.5,
  filled_size: 0.5,
  filled_value: 50.75,
  fees: 0.01,
  fill_pct: 10.15,
  submitted_at: T0 - 50_000,
  first_fill_at: T0 - 45_000,
  completed_at: T0 - 1,
  history: [
    { from: 'NEW', to: 'OPEN', at: T0 - 50_000, cause: 'transition' },
    { from: 'OPEN', to: 'REJECTED', at: T0 - 1, cause: 'transition', reason: 'margin <script>' },
  ],
  fills: [{ at: T0 - 45_000, filled_size: 0.5, filled_value: 50.75, fees: 0.01 }],
};

describe('packOrders / unpackOrders', () => {
  it('gives back equal orders (nulls, reasons and fills included) after the buffers cross a thread', () => {
    const orders = [openOrder('a'), finished, { ...openOrder('b'), side: 'buy' as const, engine: 'e2' }];
    const packed = packOrders(orders);
    // What postMessage does to it: the buffers move, the rest is copied.
    const moved = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.nums.byteLength).toBe(0);
    const out: Order[] = [];
    unpackOrders(moved, out);
    expect(out).toEqual(orders);
    expect(Object.keys(out[1]!)).toEqual(Object.keys(finished));
  });

  it('packs an empty block', () => {
    const out: Order[] = [];
    unpackOrders(packOrders([]), out);
    expect(out).toEqual([]);
  });
});
