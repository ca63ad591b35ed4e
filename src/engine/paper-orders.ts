import type { SimContext } from './paper-lifecycle';
import type { Fate, Route, SimOrder } from './paper-plan';
import { drawFate, drawFills, drawRoute, drawSizeUsd, staleFinishAt } from './paper-plan';

/** Two strategies share the simulated account, each with its own seq counter. */
export const PAPER_ENGINES = [
  { name: 'momentum-1', tag: 'm', weight: 0.6 },
  { name: 'meanrev-2', tag: 'r', weight: 0.4 },
] as const;

function plan(ctx: SimContext, n: number, createdAt: number, route: Route, fate: Fate): SimOrder {
  const engine = ctx.rng.next() < PAPER_ENGINES[0].weight ? PAPER_ENGINES[0] : PAPER_ENGINES[1];
  const inst = ctx.market.pickInstrument();
  const suffix = ctx.rng.int(0, 0xffff).toString(16).padStart(4, '0');
  return {
    id: `coid_${engine.tag}${ctx.runTag}${n.toString(36).padStart(5, '0')}_${suffix}`,
    engine: engine.name,
    symbol: inst.symbol,
    side: ctx.rng.chance(0.5) ? 'buy' : 'sell',
    sizeUsd: drawSizeUsd(ctx.rng),
    route,
    fate,
    createdAt,
    feeRate: route === 'dry_run' ? 0 : inst.feeRate,
    fills: drawFills(ctx.rng, fate, route),
    rejectBeforeOpen: ctx.rng.chance(0.6),
    skipOpen: false,
    overfill: false,
    finishAt: fate === 'stale' ? staleFinishAt(ctx.rng, createdAt) : 0,
    cumSize: 0,
    cumValue: 0,
    cumFees: 0,
  };
}

function emitCreated(ctx: SimContext, o: SimOrder): void {
  ctx.emit({
    type: 'order_created',
    client_order_id: o.id,
    ts: o.createdAt,
    seq: ctx.nextSeq(o.engine),
    engine: o.engine,
    symbol: o.symbol,
    side: o.side,
    size_usd: o.sizeUsd,
    route: o.route,
  });
}

/** A new order: its fate is drawn now and played out step by step later. */
export function createOrderPlan(ctx: SimContext, n: number, ts: number): SimOrder {
  const route = drawRoute(ctx.rng);
  const o = plan(ctx, n, ts, route, drawFate(ctx.rng, route));
  emitCreated(ctx, o);
  return o;
}
