import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { approxOrderBytes } from '../protocol/snapshot-columns';
import { blockEnds, blockTexts, MAX_BLOCK, trimBlockCache } from './block-cache';
import { snapshotEndMessage, snapshotHeadJson, snapshotMessage, snapshotOrdersMessage } from '../protocol/snapshot-messages';
import { MAX_MESSAGE_BYTES } from '../protocol/stream-messages';

/** A block's data at most: with the event line, within the stream's MAX_MESSAGE_BYTES. */
const MAX_BLOCK_BYTES = MAX_MESSAGE_BYTES - 64;

export interface SnapshotHead {
  readonly rseq: number;
  readonly now: number;
  readonly staleAfterSec: number;
  readonly heartbeatMs: number;
  /** The relay's cleanup policy, so dashboards bound their books the same way. */
  readonly keepTerminal: number;
  /** The numbering `rseq` belongs to (EventLog.logId). */
  readonly logId: string;
}

/**
 * The snapshot of the book as of one rseq (docs/protocol.md, snapshot v2): a `snapshot` message
 * with everything but the orders, one `snapshot_orders` message per block of orders in columns,
 * and `snapshot_end` carrying the rseq as its id. Written message by message, so a book of 100k
 * orders never blocks the event loop for long and the browser decodes blocks as they arrive.
 *
 * Orders are mutated in place while the blocks go out, so the relay calls `keepPreimage`
 * before applying an event to an order: the first time an order changes after the snapshot
 * began, a copy of its state as of `rseq` is kept here. Blocks use that copy, so the whole
 * snapshot is consistent with `rseq` even though it is written over many ticks.
 */
export class SnapshotSource {
  readonly rseq: number;
  private readonly book: OrderBook;
  private readonly orders: Order[];
  private readonly ends: readonly number[];
  private readonly headJson: string;
  private readonly preimages = new Map<string, Order>();
  private preimageBytes = 0;
  private finished = false;

  constructor(book: OrderBook, head: SnapshotHead) {
    this.rseq = head.rseq;
    // Copies of references only: cheap even for 100k orders. Anomalies are never changed once
    // recorded, so the list as of now is the list as of rseq.
    this.book = book;
    this.orders = Array.from(book.orders.values());
    this.ends = blockEnds(this.orders);
    trimBlockCache(book, this.ends.length);
    this.headJson = snapshotHeadJson(book, { ...head, orderCount: this.orders.length, blockSize: MAX_BLOCK });
  }

  get done(): boolean {
    return this.finished;
  }

  /** About how many bytes the saved order states hold: the memory this snapshot costs beyond references. */
  get preimageSize(): number {
    return this.preimageBytes;
  }

  /**
   * Called before an event touches `order`; `copy` gives its current state, made once for all
   * sources. A shallow copy is a faithful one: history and fills are replaced, never mutated.
   */
  keepPreimage(clientOrderId: string, copy: () => Order): void {
    if (this.finished || this.preimages.has(clientOrderId)) return;
    const order = copy();
    this.preimages.set(clientOrderId, order);
    this.preimageBytes += approxOrderBytes(order);
  }

  /** The SSE messages, one block of orders each; encodes lazily as it is iterated. */
  *pieces(): Generator<string> {
    yield snapshotMessage(this.headJson);
    let from = 0;
    for (const to of this.ends) {
      const block: Order[] = [];
      for (let i = from; i < to; i++) {
        const order = this.orders[i]!;
        block.push(this.preimages.size === 0 ? order : (this.preimages.get(order.client_order_id) ?? order));
      }
      from = to;
      // Read when the block goes out: a preimage taken since is another object, so no stale reuse.
      for (const json of blockTexts(this.book, block, MAX_BLOCK_BYTES)) yield snapshotOrdersMessage(json);
    }
    this.release();
    yield snapshotEndMessage(this.rseq);
  }

  release(): void {
    this.finished = true;
    this.preimages.clear();
    this.preimageBytes = 0;
  }
}
