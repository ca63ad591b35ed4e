import type { ApplyResult } from '../core/apply';
import type { OrderBook } from '../core/book';
import type { Order } from '../core/order';
import type { Status } from '../core/status';
import { MINUTE_MS, MinuteBuckets } from './stats-buckets';
import type { MinuteBucket } from './stats-buckets';
import type { Percentiles, Sample } from './stats-samples';
import { SampleWindow } from './stats-samples';

/** One minute of the throughput chart. `t` (minute start, epoch ms) is the stable key. */
export interface ThroughputPoint {
  readonly t: number;
  readonly created: number;
  readonly transitions: number;
  /** Entered FILLED. */
  readonly completions: number;
  /** Entered CANCELED or EXPIRED. */
  readonly cancels: number;
  /** Entered REJECTED or FAILED. */
  readonly rejects: number;
  readonly fees: number;
  readonly filledValue: number;
}

/** Figures derived from the event stream, published to the views about once a second. */
export interface DashboardStats {
  /** Relay-clock time the figures were computed for. */
  readonly at: number;
  /** The last 60 minutes, oldest first, always 60 points. */
  readonly throughput: readonly ThroughputPoint[];
  /** Created → first fill, over recent orders. */
  readonly timeToFirstFill: Percentiles | null;
  /** Created → FILLED, over recent orders. */
  readonly timeToComplete: Percentiles | null;
  /** FILLED / all terminal, last 60 min; null before any order finished. */
  readonly fillRate: number | null;
  /** (REJECTED + FAILED) / all terminal, last 60 min. */
  readonly rejectRate: number | null;
  /** Fees charged by fills in the last 60 min. */
  readonly feesLastHour: number;
  readonly filledValueLastHour: number;
  /** Counts over the last 15 one-minute buckets (the current minute included). */
  readonly last15: { readonly filled: number; readonly rejected: number; readonly failed: number };
}

export interface StatsOptions {
  /** Latency samples kept (newest). Default 2,000. */
  readonly maxSamples?: number;
  /** Latency samples older than this are dropped. Default one hour. */
  readonly sampleMaxAgeMs?: number;
}

/** What has already been counted for one order, so each event adds only what it changed. */
interface Seen {
  history: number;
  firstFill: boolean;
  fees: number;
  filledValue: number;
}

export interface StatsAccumulator {
  /** Counts what one applied event changed; `now` is the relay clock. */
  applied(result: ApplyResult, now: number): void;
  /** Forgets everything and reconstructs from the book's orders (after a snapshot). */
  rebuild(book: OrderBook, now: number): void;
  snapshot(now: number): DashboardStats;
}

/**
 * Derived figures kept incrementally: O(1) per event, fixed memory (60 minute buckets, a capped
 * sample window, and a WeakMap entry per live order that goes away with the order). A rebuild from
 * the book gives the same figures as having watched every event.
 */
export function createStatsAccumulator(options: StatsOptions = {}): StatsAccumulator {
  const buckets = new MinuteBuckets();
  const maxSamples = options.maxSamples ?? 2_000;
  const maxAge = options.sampleMaxAgeMs ?? 60 * MINUTE_MS;
  const firstFill = new SampleWindow(maxSamples, maxAge);
  const complete = new SampleWindow(maxSamples, maxAge);
  let seen = new WeakMap<Order, Seen>();

  const countOrder = (order: Order, state: Seen, now: number, onSample: (w: SampleWindow, s: Sample) => void): void => {
    const { history } = order;
    for (let i = state.history; i < history.length; i++) {
      const entry = history[i]!;
      buckets.addTransition(entry.to, entry.at, now);
      if (entry.to === 'FILLED') onSample(complete, { at: entry.at, ms: Math.max(0, entry.at - order.created_at) });
    }
    state.history = history.length;
    if (!state.firstFill && order.first_fill_at !== null) {
      state.firstFill = true;
      onSample(firstFill, { at: order.first_fill_at, ms: Math.max(0, order.first_fill_at - order.created_at) });
    }
  };

  const add = (w: SampleWindow, s: Sample): void => w.add(s);

  return {
    applied(result, now) {
      const order = result.order;
      if (order === undefined || result.outcome === 'duplicate') return;
      let state = seen.get(order);
      if (state === undefined) {
        state = { history: 0, firstFill: false, fees: 0, filledValue: 0 };
        seen.set(order, state);
        buckets.add('created', order.created_at, now);
      }
      countOrder(order, state, now, add);
      if (order.fees !== state.fees || order.filled_value !== state.filledValue) {
        const at = order.fills[order.fills.length - 1]?.at ?? order.last_update_at;
        buckets.add('fees', at, now, order.fees - state.fees);
        buckets.add('filledValue', at, now, order.filled_value - state.filledValue);
        state.fees = order.fees;
        state.filledValue = order.filled_value;
      }
    },

    rebuild(book, now) {
      buckets.clear();
      seen = new WeakMap();
      const ff: Sample[] = [];
      const done: Sample[] = [];
      const collect = (w: SampleWindow, s: Sample): void => void (w === firstFill ? ff : done).push(s);
      for (const order of book.orders.values()) {
        const state: Seen = { history: 0, firstFill: false, fees: order.fees, filledValue: order.filled_value };
        seen.set(order, state);
        buckets.add('created', order.created_at, now);
        countOrder(order, state, now, collect);
        let fees = 0;
        let value = 0;
        for (const fill of order.fills) {
          buckets.add('fees', fill.at, now, fill.fees - fees);
          buckets.add('filledValue', fill.at, now, fill.filled_value - value);
          fees = fill.fees;
          value = fill.filled_value;
        }
      }
      firstFill.reset(ff);
      complete.reset(done);
    },

    snapshot(now) {
      const window = buckets.window(now);
      const throughput = window.map(toPoint);
      let terminal = 0;
      let filled = 0;
      let rejected = 0;
      let fees = 0;
      let filledValue = 0;
      for (const p of throughput) {
        terminal += p.completions + p.cancels + p.rejects;
        filled += p.completions;
        rejected += p.rejects;
        fees += p.fees;
        filledValue += p.filledValue;
      }
      const recent = window.slice(-15);
      return {
        at: now,
        throughput,
        timeToFirstFill: firstFill.percentiles(now),
        timeToComplete: complete.percentiles(now),
        fillRate: terminal === 0 ? null : filled / terminal,
        rejectRate: terminal === 0 ? null : rejected / terminal,
        feesLastHour: fees,
        filledValueLastHour: filledValue,
        last15: { filled: sumTo(recent, 'FILLED'), rejected: sumTo(recent, 'REJECTED'), failed: sumTo(recent, 'FAILED') },
      };
    },
  };
}

function sumTo(buckets: readonly MinuteBucket[], status: Status): number {
  let n = 0;
  for (const b of buckets) n += b.to[status];
  return n;
}

function toPoint(b: MinuteBucket): ThroughputPoint {
  return {
    t: b.minute * MINUTE_MS,
    created: b.created,
    transitions: b.transitions,
    completions: b.to.FILLED,
    cancels: b.to.CANCELED + b.to.EXPIRED,
    rejects: b.to.REJECTED + b.to.FAILED,
    fees: b.fees,
    filledValue: b.filledValue,
  };
}
