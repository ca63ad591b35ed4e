import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { ordersToColumns } from '../protocol/snapshot-columns';

/** A block as last encoded: the orders it held (by identity), their revs, and its JSON. */
export interface EncodedBlock {
  readonly orders: readonly Order[];
  readonly revs: readonly number[];
  /** The block's `OrderColumns`, as JSON. */
  readonly json: string;
  /** The block's cluster snapshot line (`json` and a newline), gzipped by the first snapshot that stored it. */
  gz?: Buffer;
}

/** A block ends after an order whose id hashes to 0 modulo this: about this many orders per block. */
const MEAN_BLOCK = 1_000;
/** No block is longer: what snapshots announce as `block_size`. */
export const MAX_BLOCK = 2_000;

/** FNV-1a of the id's UTF-16 code units: cheap, and spreads sequential ids well. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Where the blocks of `orders` end (exclusive indexes). A block ends after an order chosen by
 * its id alone, so orders removed (cleanup takes finished ones from all over the book) or added
 * change only the blocks they are in: the other blocks keep the same orders, and their cached
 * text stays good. Cut by position, every block after the first removal would shift.
 */
export function blockEnds(orders: readonly Order[]): number[] {
  const ends: number[] = [];
  let start = 0;
  for (let i = 0; i < orders.length; i++) {
    if (i + 1 - start === MAX_BLOCK || idHash(orders[i]!.client_order_id) % MEAN_BLOCK === 0) {
      ends.push(i + 1);
      start = i + 1;
    }
  }
  if (start < orders.length) ends.push(orders.length);
  return ends;
}

/**
 * Each book's encoded blocks, by the id of their first order, least recently used first.
 * Orders carry `rev` (raised on every change), so a block whose orders are the same objects at
 * the same revs encodes to the same text: dashboards' snapshots and the cluster snapshot encode
 * only the blocks holding orders that changed since (finished orders, most of a big book, never
 * change). Costs about the snapshot's text in memory, held for as long as the book.
 */
const cache = new WeakMap<OrderBook, Map<string, EncodedBlock>>();

function unchanged(cached: EncodedBlock | undefined, block: readonly Order[]): cached is EncodedBlock {
  if (cached === undefined || cached.orders.length !== block.length) return false;
  for (let i = 0; i < block.length; i++) if (cached.orders[i] !== block[i] || cached.revs[i] !== block[i]!.rev) return false;
  return true;
}

/** `block` (some of `book`'s orders, at least one) encoded, reused when nothing in it changed. */
export function encodedBlock(book: OrderBook, block: readonly Order[]): EncodedBlock {
  let blocks = cache.get(book);
  if (blocks === undefined) {
    blocks = new Map();
    cache.set(book, blocks);
  }
  const key = block[0]!.client_order_id;
  const cached = blocks.get(key);
  blocks.delete(key);
  const entry = unchanged(cached, block)
    ? cached
    : { orders: block, revs: block.map((o) => o.rev), json: JSON.stringify(ordersToColumns(block)) };
  blocks.set(key, entry);
  return entry;
}

/**
 * The JSON of `block` as one or more blocks of at most `maxBytes` each: a block of a thousand
 * orders with long ids and reasons can pass a megabyte, and one SSE message that size makes a
 * browser parse it in one go. Halved until each part fits (a lone order always goes).
 */
export function blockTexts(book: OrderBook, block: readonly Order[], maxBytes: number): string[] {
  const json = encodedBlock(book, block).json;
  // Characters first: a string never takes more bytes than three per character.
  if (json.length * 3 <= maxBytes || block.length === 1 || Buffer.byteLength(json) <= maxBytes) return [json];
  const half = Math.ceil(block.length / 2);
  return [...blockTexts(book, block.slice(0, half), maxBytes), ...blockTexts(book, block.slice(half), maxBytes)];
}

/** Forgets the least recently used blocks beyond twice `blocks` (a snapshot's count): those no recent snapshot had. */
export function trimBlockCache(book: OrderBook, blocks: number): void {
  const cached = cache.get(book);
  if (cached === undefined) return;
  for (const key of cached.keys()) {
    if (cached.size <= 2 * blocks) return;
    cached.delete(key);
  }
}

/** Every order of `book` as block texts, cut and cached as the snapshots are (the journal's checkpoints). */
export function bookBlockTexts(book: OrderBook, orders: readonly Order[]): string[] {
  const ends = blockEnds(orders);
  trimBlockCache(book, ends.length);
  const texts: string[] = [];
  let from = 0;
  for (const to of ends) {
    texts.push(encodedBlock(book, orders.slice(from, to)).json);
    from = to;
  }
  return texts;
}
