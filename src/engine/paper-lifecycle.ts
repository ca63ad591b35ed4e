import type { OrderBook } from '../core/book';
import type { OrderEvent } from '../core/events';
import type { Status } from '../core/status';
import { isTerminal } from '../core/status';
import { canTransition } from '../core/transitions';
import type { Rng } from '../lib/rng';
import type { Market } from './paper-market';
import { roundTo } from './paper-market';
import type { SimOrder } from './paper-plan';
import { fillGapMs, finishDelayMs, MAX_ORDINARY_LIFE_MS, REASONS } from './paper-plan';

/** What the lifecycle steps need from the simulator. */
export interface SimContext {
  readonly rng: Rng;
  readonly market: Market;
  /** The simulator's own book: the single source of what is legal next. */
  readonly book: OrderBook;
  nextSeq(engine: string): number;
  /** Part of every order id: '' for a first run, another value after each restart (ids never repeat). */
  readonly runTag: string;
  /** Applies the event to the book and queues it for output. */
  emit(event: OrderEvent): void;
}

/** Fault: the final fill lands this far beyond size (past the 100.1 % overfill line). */
const OVERFILL_FACTOR = 1.02;
/** Two events of one order never share a millisecond, so timelines read in order. */
const MIN_GAP_MS = 50;

/**
 * Emits the next step of one order's life at `ts` and returns when the following step is due,
 * or null when the order has reached a terminal status. Every transition is checked against
 * the core's table first, so a clean run can never emit an illegal move.
 */
export function advanceOrder(ctx: SimContext, o: SimOrder, ts: number): number | null {
  const state = ctx.book.orders.get(o.id);
  if (state === undefined || isTerminal(state.status)) return null;
  if (state.status === 'NEW') return fromNew(ctx, o, ts);
  const fraction = o.fills.shift();
  if (fraction !== undefined) {
    emitFill(ctx, o, fraction, ts);
    const after = ctx.book.orders.get(o.id);
    if (after === undefined || isTerminal(after.status)) return null;
    return nextDue(ctx, o, ts);
  }
  finish(ctx, o, state.status, ts);
  return null;
}

function fromNew(ctx: SimContext, o: SimOrder, ts: number): number | null {
  if (o.fate === 'failed') {
    transition(ctx, o, 'NEW', 'FAILED', ts, ctx.rng.pick(REASONS.failed));
    return null;
  }
  if (o.fate === 'rejected' && o.rejectBeforeOpen) {
    transition(ctx, o, 'NEW', 'REJECTED', ts, ctx.rng.pick(REASONS.rejected));
    return null;
  }
  const first = o.skipOpen ? o.fills.shift() : undefined;
  if (first !== undefined) emitFill(ctx, o, first, ts);
  else transition(ctx, o, 'NEW', 'OPEN', ts, undefined, exchangeId(ctx, o));
  const after = ctx.book.orders.get(o.id);
  if (after === undefined || isTerminal(after.status)) return null;
  return nextDue(ctx, o, ts);
}

function nextDue(ctx: SimContext, o: SimOrder, ts: number): number {
  if (o.fate === 'stale' && o.fills.length === 0) return Math.max(ts + 1_000, o.finishAt);
  const gap = o.fills.length > 0 ? fillGapMs(ctx.rng, o.route) : finishDelayMs(ctx.rng, o.fate);
  if (o.fate === 'stale') return ts + gap;
  // Ordinary orders end within a few minutes; only the stale fate is left working past 5.
  const latest = o.createdAt + MAX_ORDINARY_LIFE_MS;
  return Math.round(Math.max(ts + MIN_GAP_MS, Math.min(ts + gap, latest)));
}

function finish(ctx: SimContext, o: SimOrder, from: Status, ts: number): void {
  let target: Status;
  let reasons: readonly string[];
  switch (o.fate) {
    case 'expired':
      [target, reasons] = ['EXPIRED', REASONS.expired];
      break;
    case 'rejected':
      [target, reasons] = ['REJECTED', REASONS.rejected];
      break;
    case 'stale':
      [target, reasons] = ['CANCELED', REASONS.stale];
      break;
    default:
      [target, reasons] = ['CANCELED', REASONS.canceled];
  }
  // An exchange can no longer reject an order that has started filling: it is cancelled instead.
  if (!canTransition(from, target)) [target, reasons] = ['CANCELED', REASONS.canceled];
  transition(ctx, o, from, target, ts, ctx.rng.pick(reasons));
}

function transition(
  ctx: SimContext,
  o: SimOrder,
  from: Status,
  to: Status,
  ts: number,
  reason: string | undefined,
  orderId?: string,
): void {
  if (!canTransition(from, to)) return;
  ctx.emit({
    type: 'order_transition',
    client_order_id: o.id,
    ts: Math.round(ts),
    seq: ctx.nextSeq(o.engine),
    engine: o.engine,
    status: to,
    ...(orderId === undefined ? {} : { order_id: orderId }),
    ...(reason === undefined ? {} : { reason }),
  });
}

/** Emits cumulative totals up to `fraction` of the order's size, priced off the live market. */
export function emitFill(ctx: SimContext, o: SimOrder, fraction: number, ts: number): void {
  const factor = o.overfill && fraction === 1 ? OVERFILL_FACTOR : fraction;
  const targetValue = roundTo(o.sizeUsd * factor, 2);
  const increment = targetValue - o.cumValue;
  if (increment <= 0) return;
  const price = ctx.market.fillPrice(o.symbol, o.side);
  o.cumValue = targetValue;
  o.cumSize = roundTo(o.cumSize + increment / price, 8);
  o.cumFees = roundTo(o.cumFees + increment * o.feeRate, 6);
  ctx.emit({
    type: 'order_fill',
    client_order_id: o.id,
    ts: Math.round(ts),
    seq: ctx.nextSeq(o.engine),
    engine: o.engine,
    filled_size: o.cumSize,
    filled_value: o.cumValue,
    fees: o.cumFees,
  });
}

function exchangeId(ctx: SimContext, o: SimOrder): string {
  const digits = String(ctx.rng.int(1_000_000_000, 9_999_999_999));
  if (o.route === 'live') return `exch_${digits}`;
  return o.route === 'paper' ? `paper_${digits}` : `dry_${digits}`;
}
