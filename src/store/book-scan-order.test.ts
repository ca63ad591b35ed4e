import { describe, expect, it } from 'vitest';
import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import type { Order } from '../core/order';
import { createRng } from '../lib/rng';
import { filterScan, scanBook } from './book-scan';
import { NO_FILTER } from './order-filter';
import { thresholdsOf } from '../core/stale-rules';
import { isStaleOrder } from '../core/stale-rules';

/** The default order spelled out as one key per order, ties by arrival: what the scan must equal. */
function reference(orders: readonly Order[], isStale: (o: Order) => boolean): string[] {
  const key = (o: Order): [number, number] =>
    isStale(o) ? [0, o.created_at] : o.completed_at === null ? [1, o.created_at] : [2, -o.completed_at];
  return orders
    .map((o, i) => ({ o, i, k: key(o) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.o.client_order_id);
}

describe('the scan’s default order', () => {
  it('equals the one-key reference order (seeded books, many equal timestamps, completions out of order)', () => {
    const seed = 7;
    const rng = createRng(seed);
    const t = thresholdsOf(5);
    const now = 10_000;
    for (let trial = 0; trial < 300; trial++) {
      const book = createBook();
      const n = rng.int(1, 60);
      for (let i = 0; i < n; i++) {
        const id = `o${i}`;
        const created = rng.int(0, 9) * 1000;
        applyEvent(book, {
          type: 'order_created',
          engine: 'e',
          client_order_id: id,
          ts: created,
          symbol: 'BTC-USD',
          side: 'buy',
          size_usd: 100,
          route: 'paper',
        });
        if (rng.next() < 0.4)
          applyEvent(book, {
            type: 'order_transition',
            engine: 'e',
            client_order_id: id,
            ts: created + rng.int(0, 4) * 1000,
            status: 'CANCELED',
          });
      }
      const arrival = [...book.orders.values()];
      // Terminal ties in the reference are by arrival; the scan reads completions newest first.
      const expected = reference(arrival, (o) => isStaleOrder(o, now, t));
      const got = filterScan(scanBook(book, now, t), NO_FILTER).map((o) => o.client_order_id);
      expect(new Set(got), `seed ${seed} trial ${trial}`).toEqual(new Set(expected));
      const rank = (id: string): number[] => {
        const o = book.orders.get(id)!;
        return isStaleOrder(o, now, t) ? [0, o.created_at] : o.completed_at === null ? [1, o.created_at] : [2, -o.completed_at];
      };
      for (let i = 1; i < got.length; i++) {
        const [ga, ka] = rank(got[i - 1]!);
        const [gb, kb] = rank(got[i]!);
        expect(ga! < gb! || (ga === gb && ka! <= kb!), `seed ${seed} trial ${trial} at ${i}`).toBe(true);
      }
      // Active groups keep arrival order among equal creation times.
      const actives = got.filter((id) => book.orders.get(id)!.completed_at === null);
      expect(actives, `seed ${seed} trial ${trial}`).toEqual(expected.filter((id) => book.orders.get(id)!.completed_at === null));
    }
  });
});
