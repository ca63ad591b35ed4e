import { describe, expect, it } from 'vitest';
import type { Order } from '../core/order';
import { createRng } from '../lib/rng';
import { sortDefault } from './order-sort';

/** The default order spelled out as one key per order, ties by input position: what sortDefault must equal. */
function reference(orders: readonly Order[], stale: Uint8Array): string[] {
  const key = (o: Order, i: number): [number, number] =>
    stale[i] === 1 ? [0, o.created_at] : o.completed_at === null ? [1, o.created_at] : [2, -o.completed_at];
  return orders
    .map((o, i) => ({ o, i, k: key(o, i) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.o.client_order_id);
}

describe('sortDefault', () => {
  it('equals the one-key reference order, ties kept in input order (seeded, many small timestamps)', () => {
    const seed = 7;
    const rng = createRng(seed);
    for (let trial = 0; trial < 300; trial++) {
      const n = rng.int(1, 60);
      const orders: Order[] = [];
      const stale = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const terminal = rng.next() < 0.4;
        const order = { client_order_id: `o${i}`, status: terminal ? 'FILLED' : 'OPEN', created_at: rng.int(0, 9), completed_at: terminal ? rng.int(0, 4) : null, last_update_at: 3 };
        orders.push(order as unknown as Order);
        stale[i] = !terminal && rng.next() < 0.3 ? 1 : 0;
      }
      expect(sortDefault(orders, stale).map((o) => o.client_order_id), `seed ${seed} trial ${trial}`).toEqual(reference(orders, stale));
    }
  });
});
