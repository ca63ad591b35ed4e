import { applyEvent } from '../../core/apply';
import { createBook } from '../../core/book';
import { orderToJson } from '../../core/serialize';
import { OrderJsonCache } from './order-json-cache';

const TS = Date.parse('2026-11-24T12:00:00Z');

describe('OrderJsonCache', () => {
  it('reuses an unchanged order\'s JSON and remakes it once the order changes', () => {
    const book = createBook();
    applyEvent(book, { type: 'order_created', client_order_id: 'o1', ts: TS, engine: 'e', symbol: 'BTC-USD', side: 'buy', size_usd: 100, route: 'r' });
    const order = book.orders.get('o1')!;
    const cache = new OrderJsonCache();
    const first = cache.json(order);
    expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(orderToJson(order))));
    // A change that did not bump rev is not seen: proof that the JSON was reused, not remade.
    order.order_id = 'changed-without-rev';
    expect(cache.json(order)).toBe(first);

    applyEvent(book, { type: 'order_transition', client_order_id: 'o1', ts: TS + 1_000, engine: 'e', status: 'OPEN' });
    const second = cache.json(order);
    expect(second).not.toBe(first);
    expect(JSON.parse(second).status).toBe('OPEN');
  });
});
