import type { Anomaly, AnomalyKind } from './anomaly';
import type { ApplyResultSlot } from './apply-result';
import { zeroByAnomalyKind } from './anomaly';
import type { OrderEvent } from './events';
import { orderIdOf } from './events';
import type { Order } from './order';
import type { Status } from './status';
import { zeroByStatus } from './status';
import { BoundedList } from '../lib/bounded-list';

export interface BookOptions {
  /** Anomalies kept for display (counts by kind are always complete). Default 10,000. */
  readonly anomalyLimit?: number;
}

/**
 * The order book every layer runs: a Map for O(1) lookups plus counters kept up to date
 * on each event, so summaries never scan. Mutated in place by `applyEvent`.
 */
export interface OrderBook {
  readonly orders: Map<string, Order>;
  /** Highest seq seen per engine, for duplicate detection. */
  readonly lastSeq: Map<string, number>;
  /**
   * The ts of each engine's latest event (heartbeats included), for engine health and the
   * `engine_silent` alert. A book-level fact, so every relay of a cluster and a restart agree.
   */
  readonly engines: Map<string, number>;
  readonly byStatus: Record<Status, number>;
  readonly anomalies: BoundedList<Anomaly>;
  readonly anomalyCounts: Record<AnomalyKind, number>;
  /** Orders in the order they became terminal, for cleanup. */
  terminalLog: Order[];
  /** How many of `terminalLog`'s first orders are known to be in completion order (`byCompletion`). */
  terminalSorted: number;
  duplicates: number;
  /** Total anomalies ever recorded (the list above may hold fewer). */
  anomalyTotal: number;
  /** Events that passed dedup and were looked at (applied or flagged). */
  eventsSeen: number;
  /** Orders removed by cleanup. */
  evicted: number;
  /** What `applyEvent` returns, overwritten by each event (see ApplyResult). */
  readonly lastApplied: ApplyResultSlot;
}

export function createBook(options: BookOptions = {}): OrderBook {
  return {
    orders: new Map(),
    lastSeq: new Map(),
    engines: new Map(),
    byStatus: zeroByStatus(),
    anomalies: new BoundedList(options.anomalyLimit ?? 10_000),
    anomalyCounts: zeroByAnomalyKind(),
    terminalLog: [],
    terminalSorted: 0,
    duplicates: 0,
    anomalyTotal: 0,
    eventsSeen: 0,
    evicted: 0,
    lastApplied: { outcome: 'unchanged', order: undefined, anomalies: 0 },
  };
}

/** Notes that `engine` spoke at `ts` (events may arrive out of order: the latest ts wins). */
export function touchEngine(book: OrderBook, engine: string, ts: number): void {
  const last = book.engines.get(engine);
  if (last === undefined || ts > last) book.engines.set(engine, ts);
}

export function recordAnomaly(book: OrderBook, event: OrderEvent, kind: AnomalyKind, detail: string): void {
  book.anomalies.push({
    kind,
    client_order_id: orderIdOf(event) ?? '',
    engine: event.engine,
    seq: event.seq ?? null,
    ts: event.ts,
    detail,
  });
  book.anomalyCounts[kind]++;
  book.anomalyTotal++;
}

/**
 * Rule 2: an event whose seq is at or below the engine's highest seq so far is a duplicate.
 * Returns true (and counts it) when the event must be skipped.
 */
export function isDuplicate(book: OrderBook, event: OrderEvent): boolean {
  const seq = event.seq;
  if (seq === undefined) return false;
  const last = book.lastSeq.get(event.engine);
  if (last !== undefined && seq <= last) {
    book.duplicates++;
    return true;
  }
  book.lastSeq.set(event.engine, seq);
  return false;
}
