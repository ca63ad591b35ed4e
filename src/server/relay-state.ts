import type { ApplyResult } from '../core/apply';
import { applyEvent } from '../core/apply';
import type { OrderBook } from '../core/book';
import { createBook } from '../core/book';
import { cleanupAfterEvent } from '../core/cleanup';
import type { OrderEvent } from '../core/events';
import type { Order } from '../core/order';
import { isTerminal } from '../core/status';
import { toWire } from '../protocol/encode';
import type { IngestTally, LineFault } from '../protocol/ingest';
import { ingestLine, stampReceipt } from '../protocol/ingest';
import type { Line } from '../protocol/line-splitter';
import type { BookLimits, LimitName, PendingGrowth } from './book-limits';
import { refusal } from './book-limits';
import type { EventLog } from './event-log';
import type { SnapshotHead } from './snapshot-source';
import { SnapshotSource } from './snapshot-source';

export interface RelayStateDeps {
  readonly log: EventLog;
  readonly now: () => number;
  readonly anomalyLimit: number;
  /** Finished orders the book keeps (`cleanupAfterEvent`); unbounded when absent. */
  readonly keepTerminal?: number;
  /** Engines and active orders the book may hold; unbounded when absent. */
  readonly limits?: BookLimits;
  /** Called with each accepted event's rseq right after it is logged: the stream fan-out reads it from the log. */
  readonly onAccepted: (rseq: number) => void;
  /** An order that just finished (the journal keeps it for /api/history). */
  readonly onFinished?: ((order: Order) => void) | undefined;
  /** The book to start from (a journal checkpoint); a new empty one when absent. */
  readonly book?: OrderBook | undefined;
  /** How far ahead of `now` an event's ts may be before it is applied at `now` and flagged (`future_timestamp`). */
  readonly maxFutureMs?: number;
  /** A line whose handling threw (our bug, not the engine's): it was rejected; log it with its number. */
  readonly onLineFault?: LineFault;
}

/** Totals over the relay's life, for metrics and /api/orders. */
export interface RelayTotals {
  accepted: number;
  rejected: number;
  evicted: number;
  /** Lines refused by a memory bound (counted in `rejected` too). */
  refused: Record<LimitName, number>;
  /** Lines whose handling threw: a relay bug, each logged with its line number (counted in `rejected` too). */
  internalErrors: number;
}

/**
 * The relay's single source of truth: the book, the event log and the snapshots being written.
 * Applying an event and logging it happen in one synchronous step, so the book is always
 * exactly the log up to `log.lastRseq`.
 */
export class RelayState {
  readonly book: OrderBook;
  readonly totals: RelayTotals = {
    accepted: 0,
    rejected: 0,
    evicted: 0,
    refused: { max_engines: 0, max_active_orders: 0 },
    internalErrors: 0,
  };
  private readonly snapshots = new Set<SnapshotSource>();
  /** Events accepted from each engine (heartbeats included), for its events/s in engine health. */
  readonly engineEvents = new Map<string, number>();

  constructor(private readonly deps: RelayStateDeps) {
    this.book = deps.book ?? createBook({ anomalyLimit: deps.anomalyLimit });
  }

  get log(): EventLog {
    return this.deps.log;
  }

  /** Applies lines (rules 1–7), logs and publishes each accepted event, updates `tally`. */
  ingest(lines: readonly Line[], tally: IngestTally): void {
    if (lines.length === 0) return;
    const at = this.deps.now();
    for (const line of lines) {
      if (this.snapshots.size > 0 && 'text' in line) this.keepPreimages(line.text);
      const rejectedBefore = tally.rejected.length;
      const applied = ingestLine(this.book, line, tally, { admit: this.admit, stamp: this.stamp, onFault: this.onLineFault });
      this.totals.rejected += tally.rejected.length - rejectedBefore;
      if (applied === undefined) continue;
      this.totals.accepted++;
      this.countEngine(applied.event.engine);
      const order = applied.result.order;
      if (applied.result.outcome === 'applied' && order !== undefined && isTerminal(order.status)) this.deps.onFinished?.(order);
      this.deps.onAccepted(this.deps.log.append(at, toWire(applied.event)));
      this.cleanUp();
    }
  }

  /** The clock check every ingest path runs before an event is applied or shared (`stampReceipt`). */
  readonly stamp = (event: OrderEvent): OrderEvent =>
    stampReceipt(event, this.deps.now(), this.deps.maxFutureMs ?? Number.POSITIVE_INFINITY);

  readonly onLineFault: LineFault = (line, error) => {
    this.totals.internalErrors++;
    this.deps.onLineFault?.(line, error);
  };

  /** Why `event` may not enter the book (counted), or undefined: the bounds of issue 13. */
  readonly admit = (event: OrderEvent, pending?: PendingGrowth): string | undefined => {
    if (this.deps.limits === undefined) return undefined;
    const refused = refusal(this.book, event, this.deps.limits, pending);
    if (refused === undefined) return undefined;
    this.totals.refused[refused.limit]++;
    return refused.error;
  };

  /**
   * Applies an event another relay accepted (the shared Redis stream, `--store`): the same
   * steps as `ingest` after decoding and dedup, logged by `logIt` (which returns the rseq).
   */
  applyAccepted(event: OrderEvent, logIt: () => number): ApplyResult {
    if (this.snapshots.size > 0 && event.type !== 'engine_heartbeat') this.keepPreimage(event.client_order_id);
    const result = applyEvent(this.book, event);
    if (result.outcome !== 'duplicate') {
      this.totals.accepted++;
      this.countEngine(event.engine);
      const order = result.order;
      // Every relay of a cluster sees every order finish: each keeps its own history of them.
      if (result.outcome === 'applied' && order !== undefined && isTerminal(order.status)) this.deps.onFinished?.(order);
      this.deps.onAccepted(logIt());
      this.cleanUp();
    }
    return result;
  }

  /** An event read back from the journal at start: applied as when it was accepted, not logged or sent again. */
  restore(event: OrderEvent): void {
    const result = applyEvent(this.book, event);
    if (result.outcome === 'duplicate') return;
    this.totals.accepted++;
    this.cleanUp();
  }

  private countEngine(engine: string): void {
    this.engineEvents.set(engine, (this.engineEvents.get(engine) ?? 0) + 1);
  }

  beginSnapshot(head: Omit<SnapshotHead, 'rseq' | 'logId'>): SnapshotSource {
    const source = new SnapshotSource(this.book, { ...head, rseq: this.deps.log.lastRseq, logId: this.deps.log.logId });
    this.snapshots.add(source);
    return source;
  }

  endSnapshot(source: SnapshotSource): void {
    source.release();
    this.snapshots.delete(source);
  }

  /** The cleanup policy, after each accepted event: at the same event on every relay of a cluster. */
  private cleanUp(): void {
    if (this.deps.keepTerminal === undefined) return;
    this.totals.evicted += cleanupAfterEvent(this.book, this.deps.keepTerminal).length;
  }

  /**
   * A snapshot is being written: save the state of the order this line is about to touch.
   * Parsing the line twice costs a little, and only while a snapshot is in flight.
   */
  private keepPreimages(text: string): void {
    let id: unknown;
    try {
      id = (JSON.parse(text) as { client_order_id?: unknown } | null)?.client_order_id;
    } catch {
      return;
    }
    if (typeof id === 'string') this.keepPreimage(id);
  }

  private keepPreimage(id: string): void {
    const order = this.book.orders.get(id);
    if (order === undefined) return;
    // One copy shared by every snapshot in flight (dashboards often reconnect together).
    let copy: Order | undefined;
    const current = (): Order => (copy ??= { ...order });
    for (const source of this.snapshots) source.keepPreimage(id, current);
  }
}
