import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { ordersToColumns } from '../protocol/snapshot-columns';

/** One block as last encoded: the orders it held (by identity), their revs, and its JSON. */
interface EncodedBlock {
  readonly orders: readonly Order[];
  readonly revs: readonly number[];
  readonly json: string;
}

/**
 * The last column encoding (`OrderColumns` JSON) of each block position, per book. Orders
 * carry `rev` (raised on every change), so a block whose orders are the same objects at the
 * same revs encodes to the same text: dashboards' snapshots and the cluster snapshot encode
 * only the blocks holding orders that changed since (finished orders, most of a big book,
 * never change). Costs about the snapshot's text in memory, held for as long as the book.
 */
const cache = new WeakMap<OrderBook, EncodedBlock[]>();

function unchanged(cached: EncodedBlock | undefined, block: readonly Order[]): cached is EncodedBlock {
  if (cached === undefined || cached.orders.length !== block.length) return false;
  for (let i = 0; i < block.length; i++) if (cached.orders[i] !== block[i] || cached.revs[i] !== block[i]!.rev) return false;
  return true;
}

/** The column JSON of `block`, block number `index` of `book`, reused when nothing in it changed. */
export function blockJson(book: OrderBook, index: number, block: readonly Order[]): string {
  let blocks = cache.get(book);
  if (blocks === undefined) {
    blocks = [];
    cache.set(book, blocks);
  }
  const cached = blocks[index];
  if (unchanged(cached, block)) return cached.json;
  const json = JSON.stringify(ordersToColumns(block));
  blocks[index] = { orders: block, revs: block.map((o) => o.rev), json };
  return json;
}

/** Forgets positions past `blocks` (a book that shrank under cleanup): they hold nothing worth keeping. */
export function trimBlockCache(book: OrderBook, blocks: number): void {
  const cached = cache.get(book);
  if (cached !== undefined) cached.length = Math.min(cached.length, blocks);
}
