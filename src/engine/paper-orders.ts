import { emitFill } from './paper-lifecycle';
import type { SimContext } from './paper-lifecycle';
import type { Fate, Route, SimOrder } from './paper-plan';
import { drawFate, drawFills, drawRoute, drawSizeUsd, logUniform, staleFinishAt, uniform } from './paper-plan';

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

/**
 * An order that has been working for 5–20 minutes when the engine starts (created, opened and
 * perhaps part-filled in the past), so a fresh demo's stale view is never empty. It is
 * cancelled 6–25 minutes later, by when ordinary stale orders have taken over.
 */
export function seedStaleOrder(ctx: SimContext, n: number, now: number): SimOrder {
  const createdAt = Math.round(now - uniform(ctx.rng, 5 * 60_000, 20 * 60_000));
  const o = plan(ctx, n, createdAt, ctx.rng.chance(0.5) ? 'live' : 'paper', 'stale');
  o.finishAt = Math.round(now + uniform(ctx.rng, 6 * 60_000, 25 * 60_000));
  emitCreated(ctx, o);
  const openedAt = Math.round(createdAt + logUniform(ctx.rng, 150, 1_500));
  ctx.emit({
    type: 'order_transition',
    client_order_id: o.id,
    ts: openedAt,
    seq: ctx.nextSeq(o.engine),
    engine: o.engine,
    status: 'OPEN',
    order_id: `exch_${ctx.rng.int(1_000_000_000, 9_999_999_999)}`,
  });
  const partial = o.fills.shift();
  if (partial !== undefined) emitFill(ctx, o, partial, openedAt + logUniform(ctx.rng, 2_000, 60_000));
  return o;
}
