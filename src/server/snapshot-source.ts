import type { Anomaly } from '../core/anomaly';
import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import { anomalyToJson, orderToJson } from '../core/serialize';
import { summarize } from '../core/summary';

const PIECE_CHARS = 64 * 1024;

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
 * The `snapshot` message of the book as of one rseq, written in pieces so a book of 100k
 * orders never blocks the event loop for long.
 *
 * Orders are mutated in place while the pieces go out, so the relay calls `keepPreimage`
 * before applying an event to an order: the first time an order changes after the snapshot
 * began, its state as of `rseq` is serialized and kept here. Pieces use that saved state, so
 * the whole message is consistent with `rseq` even though it is written over many ticks.
 */
export class SnapshotSource {
  readonly rseq: number;
  private readonly orders: Order[];
  private readonly anomalies: Anomaly[];
  private readonly headJson: string;
  private readonly preimages = new Map<string, string>();
  private preimageChars = 0;
  private finished = false;

  /** `serialize` is one order's JSON; the relay shares a cache of it between snapshots in flight. */
  constructor(
    book: OrderBook,
    head: SnapshotHead,
    private readonly serialize: (order: Order) => string = (order) => JSON.stringify(orderToJson(order)),
  ) {
    this.rseq = head.rseq;
    // Copies of references only: cheap even for 100k orders.
    this.orders = Array.from(book.orders.values());
    this.anomalies = book.anomalies.toArray();
    this.headJson =
      `{"rseq":${head.rseq},"log_id":${JSON.stringify(head.logId)},"now":${head.now},"stale_after":${head.staleAfterSec},"heartbeat_ms":${head.heartbeatMs},"keep_terminal":${head.keepTerminal}` +
      `,"summary":${JSON.stringify(summarize(book))}` +
      `,"anomaly_counts":${JSON.stringify(book.anomalyCounts)}` +
      `,"last_seq":${JSON.stringify(Object.fromEntries(book.lastSeq))}`;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Characters held in saved order states: the memory this snapshot costs beyond references. */
  get preimageSize(): number {
    return this.preimageChars;
  }

  /** Called before an event touches `order`; `serialized` is its current JSON, computed once for all sources. */
  keepPreimage(clientOrderId: string, serialized: () => string): void {
    if (this.finished || this.preimages.has(clientOrderId)) return;
    const json = serialized();
    this.preimages.set(clientOrderId, json);
    this.preimageChars += json.length;
  }

  /** The SSE message text in pieces of about 64 KiB; serializes lazily as it is iterated. */
  *pieces(): Generator<string> {
    let buffer = `id: ${this.rseq}\nevent: snapshot\ndata: ${this.headJson},"orders":[`;
    for (let i = 0; i < this.orders.length; i++) {
      const order = this.orders[i]!;
      buffer += (i === 0 ? '' : ',') + (this.preimages.get(order.client_order_id) ?? this.serialize(order));
      if (buffer.length >= PIECE_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '],"anomalies":[';
    for (let i = 0; i < this.anomalies.length; i++) {
      buffer += (i === 0 ? '' : ',') + JSON.stringify(anomalyToJson(this.anomalies[i]!));
      if (buffer.length >= PIECE_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    this.release();
    yield `${buffer}]}\n\n`;
  }

  release(): void {
    this.finished = true;
    this.preimages.clear();
    this.preimageChars = 0;
  }
}
