import type { ApplyOutcome, ApplyResult } from './apply-result';
import type { OrderBook } from './book';
import { isDuplicate, recordAnomaly, touchEngine } from './book';
import type { OrderCreated, OrderEvent, OrderFill, OrderTransition } from './events';
import { applyFillTotals, autoTransitionTarget, OVERFILL_PCT, rawFillPct } from './fills';
import type { Cause, FillEntry, HistoryEntry, Order } from './order';
import { appendExact } from './order';
import type { Status } from './status';
import { isTerminal } from './status';
import { canTransition } from './transitions';

export type { ApplyOutcome, ApplyResult } from './apply-result';

/** Shared by every order until its first change (arrays are replaced, never mutated); frozen so nothing can. */
const EMPTY_HISTORY: readonly HistoryEntry[] = Object.freeze([]);
const EMPTY_FILLS: readonly FillEntry[] = Object.freeze([]);

/**
 * Applies one decoded event to the book, in place, following the wire-format rules 2–7.
 * Total: never throws on any well-typed event; what is wrong becomes an anomaly. The result is
 * the book's own `lastApplied`, valid until the next event applied to this book.
 *
 * @example
 * const book = createBook();
 * applyEvent(book, { type: 'order_created', client_order_id: 'a', ts: 0, engine: '', symbol: 'BTC-USD', side: 'buy', size_usd: 100, route: 'paper' });
 */
export function applyEvent(book: OrderBook, event: OrderEvent): ApplyResult {
  const result = book.lastApplied;
  if (isDuplicate(book, event)) {
    result.outcome = 'duplicate';
    result.order = undefined;
    result.anomalies = 0;
    return result;
  }
  book.eventsSeen++;
  touchEngine(book, event.engine, event.ts);
  const before = book.anomalyTotal;
  if (event.engine_ts !== undefined) {
    const ahead = Math.round((event.engine_ts - event.ts) / 1000);
    recordAnomaly(book, event, 'future_timestamp', `ts ${ahead} s ahead of the relay's clock; applied at the time the relay received it`);
  }
  if (event.type === 'engine_heartbeat') {
    // Its whole effect is `touchEngine` above: the engine is alive.
    result.outcome = 'unchanged';
    result.order = undefined;
    result.anomalies = book.anomalyTotal - before;
    return result;
  }
  // One lookup serves every rule below; the handlers receive the order instead of looking again.
  let order = book.orders.get(event.client_order_id);
  let outcome: ApplyOutcome;
  if (event.type === 'order_created') {
    if (order === undefined) {
      order = create(book, event);
      outcome = 'applied';
    } else {
      recordAnomaly(book, event, 'duplicate_order', `order ${event.client_order_id} already exists; second order_created ignored`);
      outcome = 'unchanged';
    }
  } else if (order === undefined) {
    const what = event.type === 'order_transition' ? event.status : 'fill';
    recordAnomaly(book, event, 'unknown_order', `${what} for unknown order ${event.client_order_id}`);
    outcome = 'unchanged';
  } else {
    outcome = event.type === 'order_transition' ? transition(book, order, event) : fill(book, order, event);
  }
  result.outcome = outcome;
  result.order = order;
  result.anomalies = book.anomalyTotal - before;
  return result;
}

function create(book: OrderBook, event: OrderCreated): Order {
  const order: Order = {
    client_order_id: event.client_order_id,
    order_id: null,
    engine: event.engine,
    symbol: event.symbol,
    side: event.side,
    size_usd: event.size_usd,
    route: event.route,
    status: 'NEW',
    filled_size: 0,
    filled_value: 0,
    fees: 0,
    avg_price: null,
    fill_pct: 0,
    created_at: event.ts,
    submitted_at: null,
    first_fill_at: null,
    completed_at: null,
    last_update_at: event.ts,
    history: EMPTY_HISTORY,
    fills: EMPTY_FILLS,
    rev: 0,
  };
  book.orders.set(order.client_order_id, order);
  book.byStatus.NEW++;
  return order;
}

function transition(book: OrderBook, order: Order, event: OrderTransition): ApplyOutcome {
  if (event.status === order.status) return 'unchanged';
  if (!canTransition(order.status, event.status)) {
    const why = isTerminal(order.status) ? ` (${order.status} is terminal)` : '';
    recordAnomaly(book, event, 'invalid_transition', `${order.status} → ${event.status} is not allowed${why}`);
    return 'unchanged';
  }
  if (event.order_id !== undefined) order.order_id = event.order_id;
  moveTo(book, order, event.status, event.ts, 'transition', event.reason);
  return 'applied';
}

function fill(book: OrderBook, order: Order, event: OrderFill): ApplyOutcome {
  if (isTerminal(order.status)) {
    recordAnomaly(book, event, 'fill_after_terminal', `fill after ${order.status} ignored`);
    return 'unchanged';
  }
  const regression = describeRegression(order, event);
  if (regression !== null) {
    recordAnomaly(book, event, 'fill_regression', `${regression}; fill ignored`);
    return 'unchanged';
  }
  if (order.status === 'NEW') {
    recordAnomaly(book, event, 'fill_before_open', 'fill arrived while NEW; opened implicitly');
    moveTo(book, order, 'OPEN', event.ts, 'implicit', undefined);
  }
  applyFillTotals(order, event);
  const raw = rawFillPct(event.filled_value, order.size_usd);
  if (raw > OVERFILL_PCT) {
    recordAnomaly(book, event, 'overfill', `filled ${raw.toFixed(2)}% of size_usd ${order.size_usd}`);
  }
  const target = autoTransitionTarget(order.status, raw);
  if (target !== null && canTransition(order.status, target)) {
    moveTo(book, order, target, event.ts, 'fill', undefined);
  }
  return 'applied';
}

function describeRegression(order: Order, event: OrderFill): string | null {
  if (event.filled_size < order.filled_size) return `filled_size fell from ${order.filled_size} to ${event.filled_size}`;
  if (event.filled_value < order.filled_value) return `filled_value fell from ${order.filled_value} to ${event.filled_value}`;
  if (event.fees < order.fees) return `fees fell from ${order.fees} to ${event.fees}`;
  return null;
}

function moveTo(book: OrderBook, order: Order, to: Status, at: number, cause: Cause, reason: string | undefined): void {
  const from = order.status;
  order.history = appendExact(order.history, reason === undefined ? { from, to, at, cause } : { from, to, at, cause, reason });
  book.byStatus[from]--;
  book.byStatus[to]++;
  order.status = to;
  if (to === 'OPEN' && order.submitted_at === null) order.submitted_at = at;
  if (isTerminal(to)) {
    order.completed_at = at;
    book.terminalLog.push(order);
  }
  order.last_update_at = at;
  order.rev++;
}
