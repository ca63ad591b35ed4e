import { applyEvent } from '../core/apply';
import type { OrderBook } from '../core/book';
import { createBook } from '../core/book';
import { cleanup } from '../core/cleanup';
import type { OrderEvent } from '../core/events';
import { transitionEvent } from '../core/events';
import type { Order } from '../core/order';
import type { Status } from '../core/status';
import { isActive } from '../core/status';
import { createRng } from '../lib/rng';
import type { FaultHost } from './paper-faults';
import { FAULT_KINDS, injectFault } from './paper-faults';
import { advanceOrder } from './paper-lifecycle';
import { createMarket, INSTRUMENTS } from './paper-market';
import type { SimOrder } from './paper-plan';
import { openDelayMs } from './paper-plan';
import { createOrderPlan } from './paper-orders';
import { Schedule } from './paper-schedule';

export interface PaperSimOptions {
  readonly seed: number;
  /** Events per second, all kinds together. */
  readonly ratePerSec: number;
  /** Inject a small rate of every anomaly kind and duplicate lines (for demos and tests). */
  readonly faults?: boolean;
  /** Chance per new order of one fault when `faults` is on. Default 0.03. */
  readonly faultRate?: number;
  /** Finished orders kept in the simulator's book (for fault victims); older ones are dropped. Default 500. */
  readonly keepFinished?: number;
  /** Where an earlier run left off (a relay restarted with its journal); a fresh start without it. */
  readonly resume?: PaperResume;
}

/** What a restarted paper engine takes over from the book its earlier run built. */
export interface PaperResume {
  /** The highest seq each engine sent: the next events continue after them, never duplicates. */
  readonly seqs: ReadonlyMap<string, number>;
  /** Orders it left working: closed at the first step (cancelled, or failed while still NEW). */
  readonly working: readonly { readonly id: string; readonly engine: string; readonly status: Status }[];
  /** Set in every new order id, so this run's ids differ from the earlier runs' (same seed, same counter). */
  readonly runTag: string;
}

export interface PaperSimStats {
  readonly emitted: number;
  readonly working: number;
  readonly bookSize: number;
}

/**
 * The paper engine's brain, free of timers and I/O: `step(now)` returns the wire events that
 * happened since the previous step. Same seed and same `now` sequence → same events.
 */
export interface PaperSim {
  step(now: number): OrderEvent[];
  stats(): PaperSimStats;
  /** Read-only view of the simulator's own book (tests, debugging). */
  readonly book: OrderBook;
}

/** A long pause (backpressure, a sleeping laptop) must not turn into a burst of a million orders. */
const MAX_CATCH_UP_MS = 1_000;
const RECENT_FINISHED = 32;

export function createPaperSim(options: PaperSimOptions): PaperSim {
  const rng = createRng(options.seed);
  const book = createBook({ anomalyLimit: 100 });
  const schedule = new Schedule<SimOrder>();
  const seqs = new Map<string, number>(options.resume?.seqs ?? []);
  const recent: string[] = [];
  const keepFinished = options.keepFinished ?? 500;
  const faultRate = options.faults === true ? (options.faultRate ?? 0.03) : 0;
  let market = createMarket(rng, 0, INSTRUMENTS);
  let out: OrderEvent[] = [];
  let last: OrderEvent | undefined;
  let lastNow: number | undefined;
  let budget = 0;
  let emitted = 0;
  let orderCount = 0;
  let ghosts = 0;

  const host: FaultHost = {
    rng,
    runTag: options.resume?.runTag ?? '',
    get market() {
      return market;
    },
    book,
    nextSeq(engine) {
      const seq = (seqs.get(engine) ?? 0) + 1;
      seqs.set(engine, seq);
      return seq;
    },
    emit(event) {
      applyEvent(book, event);
      out.push(event);
      last = event;
      emitted++;
    },
    recentFinished() {
      for (let i = recent.length - 1; i >= 0; i--) {
        const order = book.orders.get(recent[i]!);
        if (order !== undefined) return order;
      }
      return undefined;
    },
    partlyFilled() {
      for (let tries = 0; tries < 8 && schedule.size > 0; tries++) {
        const o = schedule.itemAt(rng.int(0, schedule.size - 1));
        const order: Order | undefined = o === undefined ? undefined : book.orders.get(o.id);
        if (order !== undefined && isActive(order.status) && order.filled_value > 0) return order;
      }
      return undefined;
    },
    ghostId: () => `coid_ghost_${(ghosts++).toString(36)}`,
    repeatLast() {
      if (last === undefined) return false;
      host.emit(last);
      return true;
    },
  };

  const run = (o: SimOrder, ts: number): void => {
    const next = advanceOrder(host, o, ts);
    if (next !== null) schedule.add(next, o);
    else {
      recent.push(o.id);
      if (recent.length > RECENT_FINISHED) recent.shift();
    }
  };

  const start = (now: number): void => {
    market = createMarket(rng, now, INSTRUMENTS);
    // The earlier run's working orders would otherwise stay working, and turn stale, forever.
    for (const left of options.resume?.working ?? []) {
      const status = left.status === 'NEW' ? 'FAILED' : 'CANCELED';
      const seq = host.nextSeq(left.engine);
      out.push(transitionEvent(left.id, now, seq, left.engine, status, undefined, 'paper engine restarted'));
      emitted++;
    }
    // Nothing is dated before the start: a fresh relay showed orders 20 minutes old it had never
    // seen. Stale orders come from the plan's stale fate and the stall faults, as time passes.
  };

  const createOne = (ts: number): void => {
    const o = createOrderPlan(host, orderCount++, ts);
    if (faultRate > 0 && rng.chance(faultRate)) injectFault(host, rng.pick(FAULT_KINDS), o, ts);
    schedule.add(Math.round(ts + openDelayMs(rng, o.route)), o);
  };

  return {
    book,
    step(now) {
      out = [];
      if (lastNow === undefined) {
        lastNow = now;
        start(now);
        return out;
      }
      const from = Math.max(lastNow, now - MAX_CATCH_UP_MS);
      if (now <= lastNow) return out;
      market.advance(now);
      const rate = options.ratePerSec;
      budget = Math.min(budget + (rate * (now - from)) / 1000, rate + 1);
      const before = emitted;
      for (let due = schedule.popDue(now); due !== undefined; due = schedule.popDue(now)) {
        // Steps due during a pause report at the pause's end, never before the previous step.
        run(due.item, Math.max(from, due.at));
      }
      const fresh = Math.max(0, Math.floor(budget - (emitted - before)));
      for (let i = 0; i < fresh; i++) createOne(Math.round(from + ((i + 1) * (now - from)) / fresh));
      // Lifecycle steps are owed to orders already created: they always go out, and new orders
      // make up the rest of the rate. The floor stops a backlog from starving creation for long.
      budget = Math.max(budget - (emitted - before), -rate);
      lastNow = now;
      if (book.terminalLog.length > 2 * keepFinished) cleanup(book, keepFinished);
      return out;
    },
    stats: () => ({ emitted, working: schedule.size, bookSize: book.orders.size }),
  };
}
