import type { OrderLifecycleEvent, OrderFill, OrderTransition } from '../../src/core/events';
import { createdEvent, fillEvent, transitionEvent } from '../../src/core/events';
import type { Side } from '../../src/core/order';
import type { Status } from '../../src/core/status';
import type { Rng } from '../../src/lib/rng';
import { createRng } from '../../src/lib/rng';
import type { EventMixOptions } from './event-mix';

/** How an order's life ends. `abandoned` ones stay active (the stream stops talking about them). */
type Fate = 'filled' | 'canceled' | 'expired' | 'rejected' | 'rejected_open' | 'failed' | 'abandoned';

/** Cumulative weights: most orders fill, some are canceled or expire part-filled, a few fail. */
const FATES: readonly (readonly [number, Fate])[] = [
  [0.7, 'filled'],
  [0.85, 'canceled'],
  [0.91, 'expired'],
  [0.94, 'rejected'],
  [0.96, 'rejected_open'],
  [0.98, 'failed'],
  [1, 'abandoned'],
];

const SYMBOLS: readonly (readonly [string, number])[] = [
  ['BTC-USD', 97_000],
  ['ETH-USD', 3_400],
  ['SOL-USD', 240],
  ['DOGE-USD', 0.41],
  ['AVAX-USD', 45],
  ['LINK-USD', 24],
];
const ROUTES = ['live', 'live', 'live', 'paper', 'dry_run'] as const;
const SIDES: readonly Side[] = ['buy', 'sell'];
const FEE_RATE = 0.0004;

/** One order the generator is still talking about. */
interface Flight {
  readonly id: string;
  readonly engine: number;
  readonly size: number;
  readonly price: number;
  readonly fate: Fate;
  /** 0: created sent; 1: open (fills may follow); 2: full fill sent, an explicit FILLED may follow. */
  phase: number;
  fillsLeft: number;
  filledPct: number;
  filledValue: number;
  filledSize: number;
  fees: number;
}

/** A hand-rolled iterator rather than a generator: it feeds million-event benchmarks. */
export class EventMixIterator implements Iterator<OrderLifecycleEvent> {
  private readonly rng: Rng;
  private readonly orders: number;
  private readonly maxActive: number;
  private readonly maxFills: number;
  private readonly faults: number;
  private readonly abandon: boolean;
  private readonly engineNames: string[];
  private readonly seqs: number[];
  private readonly lastByEngine: (OrderLifecycleEvent | undefined)[];
  private readonly pool: Flight[] = [];
  /** Recently finished ids: targets for invalid transitions. */
  private readonly finished: string[] = [];
  private created = 0;
  private ts: number;

  constructor(options: EventMixOptions) {
    this.rng = createRng(options.seed);
    this.orders = options.orders;
    this.maxActive = Math.max(1, options.maxActive ?? 1_000);
    this.maxFills = Math.max(4, options.maxFills ?? 6);
    this.faults = options.faults ?? 0;
    this.abandon = options.abandon ?? true;
    const engines = Math.max(1, options.engines ?? 3);
    this.engineNames = Array.from({ length: engines }, (_, i) => `eng-${i + 1}`);
    this.seqs = new Array<number>(engines).fill(0);
    this.lastByEngine = new Array<OrderLifecycleEvent | undefined>(engines).fill(undefined);
    this.ts = options.startTs ?? Date.UTC(2026, 10, 24);
  }

  next(): IteratorResult<OrderLifecycleEvent> {
    const rng = this.rng;
    if (this.faults > 0 && rng.next() < this.faults) {
      const fault = this.fault();
      if (fault !== undefined) return { done: false, value: fault };
    }
    const pool = this.pool;
    const canCreate = this.created < this.orders;
    if (pool.length === 0 && !canCreate) return { done: true, value: undefined };
    this.ts += rng.int(0, 20);
    if (canCreate && (pool.length === 0 || rng.next() >= pool.length / this.maxActive)) {
      return { done: false, value: this.create() };
    }
    const index = Math.floor(rng.next() * pool.length);
    return { done: false, value: this.advance(pool[index]!, index) };
  }

  private create(): OrderLifecycleEvent {
    const rng = this.rng;
    const n = this.created++;
    const [symbol, basePrice] = rng.pick(SYMBOLS);
    const roll = rng.next();
    let fate: Fate = 'abandoned';
    for (const [upTo, f] of FATES) {
      if (roll < upTo) {
        fate = f;
        break;
      }
    }
    // Same roll either way, so a mix without abandoned orders is otherwise the same stream.
    if (fate === 'abandoned' && !this.abandon) fate = 'canceled';
    const flight: Flight = {
      id: `coid_${n.toString(36).padStart(6, '0')}`,
      engine: n % this.engineNames.length,
      size: Math.round(10 + rng.next() * rng.next() * 50_000),
      price: basePrice * (0.98 + rng.next() * 0.04),
      fate,
      phase: 0,
      fillsLeft: this.fillCount(fate),
      filledPct: 0,
      filledValue: 0,
      filledSize: 0,
      fees: 0,
    };
    this.pool.push(flight);
    const engine = flight.engine;
    const seq = ++this.seqs[engine]!;
    return this.remember(
      engine,
      createdEvent(flight.id, this.ts, seq, this.engineNames[engine]!, symbol, rng.pick(SIDES), flight.size, rng.pick(ROUTES)),
    );
  }

  /** As the paper engine plans them: most fills come in one to three reports, a few in more. */
  private fillCount(fate: Fate): number {
    const rng = this.rng;
    if (fate === 'filled') {
      const r = rng.next();
      return r < 0.4 ? 1 : r < 0.65 ? 2 : r < 0.85 ? 3 : rng.int(4, this.maxFills);
    }
    if (fate === 'canceled' || fate === 'abandoned') return rng.int(0, 2);
    return fate === 'expired' ? rng.int(0, 1) : 0;
  }

  private advance(flight: Flight, index: number): OrderLifecycleEvent {
    const fate = flight.fate;
    if (flight.phase === 0) {
      if (fate === 'failed') return this.finish(flight, index, 'FAILED', 'insufficient balance');
      if (fate === 'rejected') return this.finish(flight, index, 'REJECTED', 'price outside band');
      flight.phase = 1;
      return this.transition(flight, 'OPEN', `ex_${flight.id.slice(5)}`, undefined);
    }
    if (flight.phase === 2) return this.finish(flight, index, 'FILLED', undefined);
    if (fate === 'rejected_open') return this.finish(flight, index, 'REJECTED', 'post-only would cross');
    if (flight.fillsLeft > 0) return this.fill(flight, index);
    if (fate === 'canceled') return this.finish(flight, index, 'CANCELED', 'canceled by strategy');
    if (fate === 'expired') return this.finish(flight, index, 'EXPIRED', undefined);
    // Abandoned: the engine went quiet about it; it stays active in the book.
    this.drop(index);
    return this.fill(flight, -1);
  }

  private fill(flight: Flight, index: number): OrderFill {
    const rng = this.rng;
    flight.fillsLeft--;
    const last = flight.fillsLeft <= 0 && flight.fate === 'filled';
    if (last) {
      flight.filledPct = 1;
      // The engine often confirms with an explicit FILLED; the fill alone already gets there.
      if (rng.next() < 0.5) flight.phase = 2;
      else if (index >= 0) this.drop(index, flight.id);
    } else if (rng.next() < 0.97) {
      // Partial fills stay below 95%, clear of the auto-FILLED threshold.
      flight.filledPct += (0.95 - flight.filledPct) * rng.next() * 0.5;
    } // else: the engine repeats its last totals, which changes nothing.
    flight.filledValue = flight.size * flight.filledPct;
    flight.filledSize = flight.filledValue / flight.price;
    flight.fees = flight.filledValue * FEE_RATE;
    return this.fillEvent(flight, flight.filledSize, flight.filledValue, flight.fees);
  }

  private fillEvent(flight: Flight, size: number, value: number, fees: number): OrderFill {
    const engine = flight.engine;
    return this.remember(engine, fillEvent(flight.id, this.ts, ++this.seqs[engine]!, this.engineNames[engine]!, size, value, fees));
  }

  private finish(flight: Flight, index: number, status: Status, reason: string | undefined): OrderTransition {
    this.drop(index, flight.id);
    return this.transition(flight, status, undefined, reason);
  }

  private transition(flight: Flight, status: Status, orderId: string | undefined, reason: string | undefined): OrderTransition {
    const engine = flight.engine;
    return this.remember(
      engine,
      transitionEvent(flight.id, this.ts, ++this.seqs[engine]!, this.engineNames[engine]!, status, orderId, reason),
    );
  }

  /** Swap-remove from the pool: O(1), order of the pool does not matter. */
  private drop(index: number, finishedId?: string): void {
    const pool = this.pool;
    pool[index] = pool[pool.length - 1]!;
    pool.pop();
    if (finishedId !== undefined && this.faults > 0) {
      if (this.finished.length >= 64) this.finished[this.rng.int(0, 63)] = finishedId;
      else this.finished.push(finishedId);
    }
  }

  private remember<E extends OrderLifecycleEvent>(engine: number, event: E): E {
    this.lastByEngine[engine] = event;
    return event;
  }

  /** One faulty line, or undefined when there is nothing to base it on yet. */
  private fault(): OrderLifecycleEvent | undefined {
    const rng = this.rng;
    const engine = rng.int(0, this.engineNames.length - 1);
    const kind = rng.int(0, 3);
    if (kind === 0) {
      // A line sent twice: same seq, so the book must skip it.
      const last = this.lastByEngine[engine];
      return last === undefined ? undefined : { ...last };
    }
    const name = this.engineNames[engine]!;
    const ts = this.ts;
    if (kind === 1) {
      const id = this.finished.length > 0 ? rng.pick(this.finished) : undefined;
      if (id === undefined) return undefined;
      return this.remember(engine, transitionEvent(id, ts, ++this.seqs[engine]!, name, 'OPEN', undefined, undefined));
    }
    if (kind === 2) {
      const flight = this.pool.length > 0 ? rng.pick(this.pool) : undefined;
      if (flight === undefined || flight.filledValue === 0) return undefined;
      return this.fillEvent(flight, flight.filledSize / 2, flight.filledValue / 2, flight.fees / 2);
    }
    const id = `coid_ghost_${rng.int(0, 1e6)}`;
    return this.remember(engine, transitionEvent(id, ts, ++this.seqs[engine]!, name, 'CANCELED', undefined, undefined));
  }
}
