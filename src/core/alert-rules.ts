import type { AnomalyKind } from './anomaly';
import type { AlertCondition } from './alert-book';
import type { OrderBook } from './book';
import type { StaleThresholds } from './stale-rules';
import { isStaleOrder, staleCause } from './stale-rules';
import { isActive } from './status';

/** Each rule's limits; null turns a rule off. */
export interface AlertRulesConfig {
  readonly stale: StaleThresholds | null;
  /** Stale orders that get an alert of their own (the rest are counted in the stale panel): bounds a book where everything is stale. */
  readonly maxOrderAlerts: number;
  readonly engineSilentAfterSec: number | null;
  /** An engine with no active orders is watched for this long after its last event, then forgotten. */
  readonly engineWatchSec: number;
  /** More anomalies of one kind than this in the last minute. */
  readonly anomalyBurstPerMin: number | null;
  /** REJECTED + FAILED above this percentage of the orders finished in the window. */
  readonly rejectRatePct: number | null;
  readonly rejectWindowSec: number;
  /** Fewer finished orders than this in the window say nothing (1 rejected of 1 is not a rate). */
  readonly rejectMinFinished: number;
  readonly feedDegraded: boolean;
}

export const DEFAULT_ALERT_RULES: Omit<AlertRulesConfig, 'stale'> = {
  maxOrderAlerts: 500,
  engineSilentAfterSec: 60,
  engineWatchSec: 3600,
  anomalyBurstPerMin: 20,
  rejectRatePct: 20,
  rejectWindowSec: 300,
  rejectMinFinished: 20,
  feedDegraded: true,
};

/** What the rules read besides the book: windows the relay keeps on its own clock. */
export interface RuleInputs {
  readonly book: OrderBook;
  readonly now: number;
  /** Anomalies recorded in the last minute, by kind. */
  readonly anomaliesLastMinute: Readonly<Record<AnomalyKind, number>>;
  /** Orders that finished in the reject window, and how many of them REJECTED or FAILED. */
  readonly finished: { readonly total: number; readonly failed: number };
  /** Why the relay's event store is failing, or null when it is fine. */
  readonly degraded: { readonly reason: string; readonly since: number } | null;
}

/** One line of engine health (issue 16 §4). */
export interface EngineHealth {
  readonly engine: string;
  /** The ts of its latest event or heartbeat. */
  readonly last_ts: number;
  readonly active: number;
  readonly stale: number;
  readonly rejected: number;
  readonly silent: boolean;
  /** Events a second over the last 10 s, as the relay counted them (absent before it has two samples). */
  readonly events_per_s?: number | undefined;
}

export interface Evaluation {
  readonly conditions: AlertCondition[];
  readonly engines: EngineHealth[];
  /** Stale orders in all (`conditions` holds at most `maxOrderAlerts` of them). */
  readonly staleTotal: number;
}

interface EngineTally {
  active: number;
  stale: number;
  rejected: number;
}

/**
 * Every condition that holds at `inputs.now`, and each engine's health, in one pass over the
 * book. Pure: the same book, windows and time give the same conditions, so every relay agrees.
 * `keepOrder` says whether an order already has an open alert, which keeps it past the cap.
 */
export function evaluateRules(inputs: RuleInputs, config: AlertRulesConfig, keepOrder: (key: string) => boolean): Evaluation {
  const { book, now } = inputs;
  const conditions: AlertCondition[] = [];
  const tallies = new Map<string, EngineTally>();
  const tally = (engine: string): EngineTally => {
    let t = tallies.get(engine);
    if (t === undefined) tallies.set(engine, (t = { active: 0, stale: 0, rejected: 0 }));
    return t;
  };
  let staleTotal = 0;
  let orderAlerts = 0;
  for (const order of book.orders.values()) {
    if (order.status === 'REJECTED' || order.status === 'FAILED') tally(order.engine).rejected++;
    if (!isActive(order.status)) continue;
    const t = tally(order.engine);
    t.active++;
    if (config.stale === null || !isStaleOrder(order, now, config.stale)) continue;
    t.stale++;
    staleTotal++;
    const key = `stale_order:${order.client_order_id}`;
    if (orderAlerts >= config.maxOrderAlerts && !keepOrder(key)) continue;
    const cause = staleCause(order, now, config.stale);
    if (cause === null) continue;
    orderAlerts++;
    conditions.push({
      key,
      rule: 'stale_order',
      subject: { kind: 'order', id: order.client_order_id, engine: order.engine, symbol: order.symbol },
      summary: `${order.client_order_id} ${order.symbol}: ${cause.text}`,
      since: cause.since,
    });
  }
  const engines: EngineHealth[] = [];
  for (const [engine, last] of book.engines) {
    const t = tallies.get(engine) ?? { active: 0, stale: 0, rejected: 0 };
    const quietMs = now - last;
    const watched = t.active > 0 || quietMs <= config.engineWatchSec * 1000;
    const limit = config.engineSilentAfterSec;
    const silent = limit !== null && watched && quietMs > limit * 1000;
    if (silent) {
      conditions.push({
        key: `engine_silent:${engine}`,
        rule: 'engine_silent',
        subject: { kind: 'engine', id: engine, engine, symbol: null },
        summary: `engine ${engine === '' ? '(unnamed)' : engine} has sent nothing for over ${limit} s${t.active > 0 ? ` with ${t.active} active orders` : ''}`,
        since: last + limit * 1000,
      });
    }
    engines.push({ engine, last_ts: last, ...t, silent });
  }
  engines.sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : 0));
  if (config.anomalyBurstPerMin !== null) {
    for (const [kind, count] of Object.entries(inputs.anomaliesLastMinute)) {
      if (count <= config.anomalyBurstPerMin) continue;
      conditions.push({
        key: `anomaly_burst:${kind}`,
        rule: 'anomaly_burst',
        subject: { kind: 'relay', id: kind, engine: null, symbol: null },
        summary: `${count} ${kind} anomalies in the last minute (limit ${config.anomalyBurstPerMin})`,
        since: now,
      });
    }
  }
  const { total, failed } = inputs.finished;
  if (config.rejectRatePct !== null && total >= config.rejectMinFinished && (failed / total) * 100 > config.rejectRatePct) {
    conditions.push({
      key: 'reject_rate:relay',
      rule: 'reject_rate',
      subject: { kind: 'relay', id: 'reject_rate', engine: null, symbol: null },
      summary: `${Math.round((failed / total) * 100)}% of ${total} orders finished in ${config.rejectWindowSec / 60} min were REJECTED or FAILED (limit ${config.rejectRatePct}%)`,
      since: now,
    });
  }
  if (config.feedDegraded && inputs.degraded !== null) {
    conditions.push({
      key: 'feed_degraded:relay',
      rule: 'feed_degraded',
      subject: { kind: 'relay', id: 'store', engine: null, symbol: null },
      summary: `the relay's event store is failing: ${inputs.degraded.reason}`,
      since: inputs.degraded.since,
    });
  }
  return { conditions, engines, staleTotal };
}
