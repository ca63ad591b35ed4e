import type { Actor } from 'xstate';
import { assign, createActor, setup } from 'xstate';
import type { OrderCreated, OrderEvent } from '../src/core/events';
import { FULL_FILL_PCT, rawFillPct } from '../src/core/fills';
import type { Cause, FillEntry, HistoryEntry, Side } from '../src/core/order';
import { MAX_FILLS_KEPT } from '../src/core/order';
import type { Status } from '../src/core/status';
import { isTerminal, zeroByStatus } from '../src/core/status';

/**
 * The baseline the core is measured against: the lifecycle written the way an XState v5 user
 * would write it. One actor per order, the eight statuses as states, the transition table as
 * `on` maps, fills as immutable context updates, fill-driven moves as guarded `always`
 * transitions. Benchmark-only: XState is a dev dependency and never reaches src/.
 */
interface OrderContext {
  readonly client_order_id: string;
  readonly order_id: string | null;
  readonly engine: string;
  readonly symbol: string;
  readonly side: Side;
  readonly size_usd: number;
  readonly route: string;
  readonly filled_size: number;
  readonly filled_value: number;
  readonly fees: number;
  readonly avg_price: number | null;
  readonly fill_pct: number;
  readonly created_at: number;
  readonly submitted_at: number | null;
  readonly first_fill_at: number | null;
  readonly completed_at: number | null;
  readonly last_update_at: number;
  readonly history: readonly HistoryEntry[];
  readonly fills: readonly FillEntry[];
}

type MoveEvent = { readonly type: Status; readonly at: number; readonly order_id?: string; readonly reason?: string };
type FillEvent = {
  readonly type: 'FILL';
  readonly at: number;
  readonly filled_size: number;
  readonly filled_value: number;
  readonly fees: number;
};
type MachineEvent = MoveEvent | FillEvent;
type MoveParams = { readonly from: Status; readonly to: Status; readonly cause: Cause };

const orderMachine = setup({
  types: { context: {} as OrderContext, events: {} as MachineEvent, input: {} as OrderCreated },
  actions: {
    move: assign(({ context, event }, params: MoveParams) => {
      const entry: HistoryEntry =
        'reason' in event && event.reason !== undefined
          ? { from: params.from, to: params.to, at: event.at, cause: params.cause, reason: event.reason }
          : { from: params.from, to: params.to, at: event.at, cause: params.cause };
      return {
        history: [...context.history, entry],
        order_id: 'order_id' in event && event.order_id !== undefined ? event.order_id : context.order_id,
        submitted_at: params.to === 'OPEN' && context.submitted_at === null ? event.at : context.submitted_at,
        completed_at: isTerminal(params.to) ? event.at : context.completed_at,
        last_update_at: event.at,
      };
    }),
    storeFill: assign(({ context, event }) => {
      if (event.type !== 'FILL') return {};
      if (event.filled_size === context.filled_size && event.filled_value === context.filled_value && event.fees === context.fees) {
        return {};
      }
      const entry: FillEntry = { at: event.at, filled_size: event.filled_size, filled_value: event.filled_value, fees: event.fees };
      const kept = context.fills.length >= MAX_FILLS_KEPT ? context.fills.slice(1) : context.fills;
      return {
        filled_size: event.filled_size,
        filled_value: event.filled_value,
        fees: event.fees,
        avg_price: event.filled_size > 0 ? event.filled_value / event.filled_size : null,
        fill_pct: Math.min(100, rawFillPct(event.filled_value, context.size_usd)),
        first_fill_at: context.first_fill_at ?? (event.filled_size > 0 || event.filled_value > 0 ? event.at : null),
        fills: [...kept, entry],
        last_update_at: event.at,
      };
    }),
  },
  guards: {
    noRegression: ({ context, event }) =>
      event.type === 'FILL' &&
      event.filled_size >= context.filled_size &&
      event.filled_value >= context.filled_value &&
      event.fees >= context.fees,
    full: ({ context }) => rawFillPct(context.filled_value, context.size_usd) >= FULL_FILL_PCT,
    someFill: ({ context }) => rawFillPct(context.filled_value, context.size_usd) > 0,
  },
}).createMachine({
  id: 'order',
  initial: 'NEW',
  context: ({ input }) => ({
    client_order_id: input.client_order_id,
    order_id: null,
    engine: input.engine,
    symbol: input.symbol,
    side: input.side,
    size_usd: input.size_usd,
    route: input.route,
    filled_size: 0,
    filled_value: 0,
    fees: 0,
    avg_price: null,
    fill_pct: 0,
    created_at: input.ts,
    submitted_at: null,
    first_fill_at: null,
    completed_at: null,
    last_update_at: input.ts,
    history: [],
    fills: [],
  }),
  states: {
    NEW: {
      on: {
        OPEN: { target: 'OPEN', actions: { type: 'move', params: { from: 'NEW', to: 'OPEN', cause: 'transition' } } },
        FAILED: { target: 'FAILED', actions: { type: 'move', params: { from: 'NEW', to: 'FAILED', cause: 'transition' } } },
        REJECTED: { target: 'REJECTED', actions: { type: 'move', params: { from: 'NEW', to: 'REJECTED', cause: 'transition' } } },
        FILL: {
          guard: 'noRegression',
          target: 'OPEN',
          actions: [{ type: 'move', params: { from: 'NEW', to: 'OPEN', cause: 'implicit' } }, 'storeFill'],
        },
      },
    },
    OPEN: {
      always: [
        { guard: 'full', target: 'FILLED', actions: { type: 'move', params: { from: 'OPEN', to: 'FILLED', cause: 'fill' } } },
        {
          guard: 'someFill',
          target: 'PARTIAL_FILL',
          actions: { type: 'move', params: { from: 'OPEN', to: 'PARTIAL_FILL', cause: 'fill' } },
        },
      ],
      on: {
        PARTIAL_FILL: {
          target: 'PARTIAL_FILL',
          actions: { type: 'move', params: { from: 'OPEN', to: 'PARTIAL_FILL', cause: 'transition' } },
        },
        FILLED: { target: 'FILLED', actions: { type: 'move', params: { from: 'OPEN', to: 'FILLED', cause: 'transition' } } },
        CANCELED: { target: 'CANCELED', actions: { type: 'move', params: { from: 'OPEN', to: 'CANCELED', cause: 'transition' } } },
        EXPIRED: { target: 'EXPIRED', actions: { type: 'move', params: { from: 'OPEN', to: 'EXPIRED', cause: 'transition' } } },
        REJECTED: { target: 'REJECTED', actions: { type: 'move', params: { from: 'OPEN', to: 'REJECTED', cause: 'transition' } } },
        FILL: { guard: 'noRegression', actions: 'storeFill' },
      },
    },
    PARTIAL_FILL: {
      always: [
        { guard: 'full', target: 'FILLED', actions: { type: 'move', params: { from: 'PARTIAL_FILL', to: 'FILLED', cause: 'fill' } } },
      ],
      on: {
        FILLED: { target: 'FILLED', actions: { type: 'move', params: { from: 'PARTIAL_FILL', to: 'FILLED', cause: 'transition' } } },
        CANCELED: { target: 'CANCELED', actions: { type: 'move', params: { from: 'PARTIAL_FILL', to: 'CANCELED', cause: 'transition' } } },
        EXPIRED: { target: 'EXPIRED', actions: { type: 'move', params: { from: 'PARTIAL_FILL', to: 'EXPIRED', cause: 'transition' } } },
        FILL: { guard: 'noRegression', actions: 'storeFill' },
      },
    },
    // Terminal states take no events. Not `type: 'final'`: a stopped actor would warn on every late event.
    FILLED: {},
    CANCELED: {},
    EXPIRED: {},
    REJECTED: {},
    FAILED: {},
  },
});

type OrderActor = Actor<typeof orderMachine>;

/** The same wire rules around the actors: per-engine seq dedup, unknown ids, counted anomalies. */
export class XstateOrderBook {
  readonly actors = new Map<string, OrderActor>();
  private readonly lastSeq = new Map<string, number>();
  duplicates = 0;
  anomalies = 0;

  apply(event: OrderEvent): void {
    if (event.type === 'engine_heartbeat') return;
    if (event.seq !== undefined) {
      const last = this.lastSeq.get(event.engine);
      if (last !== undefined && event.seq <= last) {
        this.duplicates++;
        return;
      }
      this.lastSeq.set(event.engine, event.seq);
    }
    if (event.type === 'order_created') {
      if (this.actors.has(event.client_order_id)) this.anomalies++;
      else this.actors.set(event.client_order_id, createActor(orderMachine, { input: event }).start());
      return;
    }
    const actor = this.actors.get(event.client_order_id);
    if (actor === undefined) {
      this.anomalies++;
      return;
    }
    const before = actor.getSnapshot();
    if (event.type === 'order_transition') {
      if (event.status === before.value) return;
      actor.send(
        event.order_id !== undefined
          ? { type: event.status, at: event.ts, order_id: event.order_id }
          : event.reason !== undefined
            ? { type: event.status, at: event.ts, reason: event.reason }
            : { type: event.status, at: event.ts },
      );
      if (actor.getSnapshot().value === before.value) this.anomalies++;
      return;
    }
    actor.send({ type: 'FILL', at: event.ts, filled_size: event.filled_size, filled_value: event.filled_value, fees: event.fees });
    // A fill the machine refused (terminal order, or totals that went down) leaves the context as it was.
    if (actor.getSnapshot().context === before.context) this.anomalies++;
  }

  /** Orders per state, to check the baseline reached the same end state as the core. */
  byStatus(): Record<Status, number> {
    const counts = zeroByStatus();
    for (const actor of this.actors.values()) counts[actor.getSnapshot().value]++;
    return counts;
  }
}
