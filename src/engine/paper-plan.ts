import type { Side } from '../core/order';
import type { Rng } from '../lib/rng';
import { roundTo } from './paper-market';

/** How an order's life will end, decided when it is created. */
export type Fate = 'filled' | 'canceled' | 'expired' | 'rejected' | 'failed' | 'stale';
export type Route = 'live' | 'paper' | 'dry_run';

/** The simulator's private plan for one order; the book holds its observable state. */
export interface SimOrder {
  readonly id: string;
  readonly engine: string;
  readonly symbol: string;
  readonly side: Side;
  readonly sizeUsd: number;
  readonly route: Route;
  readonly fate: Fate;
  readonly createdAt: number;
  /** Fraction of filled value charged as fees (0 for dry runs). */
  readonly feeRate: number;
  /** Cumulative fractions of size still to be filled, in order; 1 means the final fill. */
  readonly fills: number[];
  /** Rejections happen either before the exchange accepts the order or just after. */
  readonly rejectBeforeOpen: boolean;
  /** Fault: the engine reports a fill without ever sending OPEN. */
  skipOpen: boolean;
  /** Fault: the final fill overshoots the order's size. */
  overfill: boolean;
  /** When a stale order is finally cancelled. */
  finishAt: number;
  cumSize: number;
  cumValue: number;
  cumFees: number;
}

/** Non-stale orders finish within this age, so only the stale fate lingers past 5 minutes. */
export const MAX_ORDINARY_LIFE_MS = 240_000;
/** Stale orders live 6–25 minutes before an auto-cancel. */
const STALE_LIFE_MS: readonly [number, number] = [6 * 60_000, 25 * 60_000];

const ROUND_SIZES = [25, 50, 100, 250, 500, 1_000, 2_500, 5_000] as const;

export const REASONS = {
  canceled: ['user request', 'strategy exit', 'replaced by new quote', 'risk limit reached'],
  expired: ['time in force elapsed (IOC)', 'good-til-date reached'],
  rejected: ['post-only would cross', 'insufficient funds', 'price outside band', 'below minimum size'],
  failed: ['submit timeout', 'connection reset by exchange', 'rate limited (429)'],
  stale: ['stale order auto-cancel (> 300s)'],
} as const;

/** Log-uniform draw in [lo, hi]: as many small values as large ones, decade by decade. */
export function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
}

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + rng.next() * (hi - lo);
}

/** Tens to thousands of USD; strategies often use round sizes, so half of them are. */
export function drawSizeUsd(rng: Rng): number {
  if (rng.chance(0.5)) return rng.pick(ROUND_SIZES);
  return roundTo(logUniform(rng, 15, 8_000), 2);
}

export function drawRoute(rng: Rng): Route {
  const r = rng.next();
  return r < 0.45 ? 'live' : r < 0.85 ? 'paper' : 'dry_run';
}

export function drawFate(rng: Rng, route: Route): Fate {
  if (route === 'dry_run') return 'filled';
  const r = rng.next();
  // Rejects and failures are quick while fills take minutes, so they look commoner on screen
  // than their share: keep them to "a few" of the finished orders.
  if (r < 0.74) return 'filled';
  if (r < 0.86) return 'canceled';
  if (r < 0.94) return 'expired';
  if (r < 0.97) return 'rejected';
  if (r < 0.99) return 'failed';
  return 'stale';
}

/** Sorted cumulative fractions in (0.05, 0.95) for `count` partial fills. */
function partials(rng: Rng, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(roundTo(uniform(rng, 0.05, 0.95), 3));
  return out.sort((a, b) => a - b).filter((f, i, all) => i === 0 || f > all[i - 1]!);
}

/** The fills an order of this fate will see: partials, and a final 1 when it fills completely. */
export function drawFills(rng: Rng, fate: Fate, route: Route): number[] {
  if (route === 'dry_run') return [1];
  switch (fate) {
    case 'filled': {
      const r = rng.next();
      const count = r < 0.4 ? 1 : r < 0.65 ? 2 : r < 0.85 ? 3 : rng.int(4, 6);
      return [...partials(rng, count - 1), 1];
    }
    case 'canceled':
      return partials(rng, rng.int(0, 2));
    case 'expired':
    case 'stale':
      return partials(rng, rng.int(0, 1));
    case 'rejected':
    case 'failed':
      return [];
  }
}

export function staleFinishAt(rng: Rng, createdAt: number): number {
  return createdAt + uniform(rng, STALE_LIFE_MS[0], STALE_LIFE_MS[1]);
}

/** Delay before the exchange acknowledges (OPEN): dry runs are instant, live routes slower. */
export function openDelayMs(rng: Rng, route: Route): number {
  if (route === 'dry_run') return logUniform(rng, 20, 150);
  if (route === 'paper') return logUniform(rng, 50, 400);
  return logUniform(rng, 150, 1_500);
}

/** Gaps between fills: seconds to a minute and a half, so orders fill over seconds to minutes. */
export function fillGapMs(rng: Rng, route: Route): number {
  return route === 'dry_run' ? logUniform(rng, 5, 60) : logUniform(rng, 500, 90_000);
}

/** How long after its last activity an unfilled order is cancelled, expires or is rejected. */
export function finishDelayMs(rng: Rng, fate: Fate): number {
  switch (fate) {
    case 'canceled':
      return logUniform(rng, 3_000, 180_000);
    case 'expired':
      return rng.chance(0.5) ? logUniform(rng, 500, 3_000) : logUniform(rng, 30_000, 200_000);
    case 'rejected':
      return logUniform(rng, 100, 3_000);
    case 'failed':
      return logUniform(rng, 1_000, 6_000);
    default:
      return logUniform(rng, 500, 5_000);
  }
}
