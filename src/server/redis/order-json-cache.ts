import type { Order } from '../../core/order';
import { orderToJson } from '../../core/serialize';

/**
 * Each order's snapshot JSON, kept from one cluster snapshot to the next and remade only when
 * the order changed (`rev`). Most of a day's book is finished orders that never change again,
 * so a snapshot every 100,000 events re-serializes only what moved since the last one instead of
 * every order. Weakly held: an order cleaned out of the book takes its JSON with it.
 */
export class OrderJsonCache {
  private readonly entries = new WeakMap<Order, { rev: number; json: string }>();

  json(order: Order): string {
    const cached = this.entries.get(order);
    if (cached !== undefined && cached.rev === order.rev) return cached.json;
    const json = JSON.stringify(orderToJson(order));
    this.entries.set(order, { rev: order.rev, json });
    return json;
  }
}
