import type { OrderBook } from './book';
import { isDuplicate, recordAnomaly } from './book';
import type { OrderCreated, OrderEvent, OrderFill, OrderTransition } from './events';
import { applyFillTotals, autoTransitionTarget, OVERFILL_PCT, rawFillPct } from './fills';
import type { Cause, Order } from './order';
import type { Status } from './status';
import { isTerminal } from './status';
import { canTransition } from './transitions';

/**
 * - `applied`: the book changed (possibly with anomalies recorded too);
 * - `unchanged`: looked at, changed nothing (a flagged anomaly or a no-op);
 * - `duplicate`: skipped by the per-engine seq rule.
 */
export type ApplyOutcome = 'applied' | 'unchanged' | 'duplicate';

export interface ApplyResult {
  readonly outcome: ApplyOutcome;
  /** The order the event touched, when it exists. */
  readonly order: Order | undefined;
  /** Anomalies this event recorded. */
  readonly anomalies: number;
}

const DUPLICATE: ApplyResult = { outcome: 'duplicate', order: undefined, anomalies: 0 };

/**
 * Applies one decoded event to the book, in place, following the wire-format rules 2–7.
 * Total: never throws on any well-typed event; what is wrong becomes an anomaly.
 *
 * @example
 * const book = createBook();
 * applyEvent(book, { type: 'order_created', client_order_id: 'a', ts: 0, engine: '', symbol: 'BTC-USD', side: 'buy', size_usd: 100, route: 'paper' });
 */
export function applyEvent(book: OrderBook, event: OrderEvent): ApplyResult {
  if (isDuplicate(book, event)) return DUPLICATE;
  book.eventsSeen++;
  const before = book.anomalyTotal;
  let outcome: ApplyOutcome;
  switch (event.type) {
    case 'order_created':
      outcome = create(book, event);
      break;
    case 'order_transition':
      outcome = transition(book, event);
      break;
    case 'order_fill':
      outcome = fill(book, event);
      break;
  }
  return { outcome, order: book.orders.get(event.client_order_id), anomalies: book.anomalyTotal - before };
}

function create(book: OrderBook, event: OrderCreated): ApplyOutcome {
  if (book.orders.has(event.client_order_id)) {
    recordAnomaly(book, event, 'duplicate_order', `order ${event.client_order_id} already exists; second order_created ignored`);
    return 'unchanged';
  }
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
    history: [],
    fills: [],
    rev: 0,
  };
  book.orders.set(order.client_order_id, order);
  book.byStatus.NEW++;
  return 'applied';
}

function transition(book: OrderBook, event: OrderTransition): ApplyOutcome {
  const order = book.orders.get(event.client_order_id);
  if (order === undefined) {
    recordAnomaly(book, event, 'unknown_order', `${event.status} for unknown order ${event.client_order_id}`);
    return 'unchanged';
  }
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

function fill(book: OrderBook, event: OrderFill): ApplyOutcome {
  const order = book.orders.get(event.client_order_id);
  if (order === undefined) {
    recordAnomaly(book, event, 'unknown_order', `fill for unknown order ${event.client_order_id}`);
    return 'unchanged';
  }
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
  order.history.push(reason === undefined ? { from, to, at, cause } : { from, to, at, cause, reason });
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
