import type { Rng } from '../lib/rng';

/** One tradable instrument with its own price level and volatility. */
export interface Instrument {
  readonly symbol: string;
  /** Starting mid price in USD. */
  readonly price: number;
  /** Volatility per √second, as a fraction of price (crypto moves more than FX). */
  readonly volPerSqrtSec: number;
  /** Decimals a quote is rounded to. */
  readonly priceDecimals: number;
  /** Relative share of order flow. */
  readonly weight: number;
  /** Fee rate charged on filled value (live and paper routes). */
  readonly feeRate: number;
}

export const INSTRUMENTS: readonly Instrument[] = [
  { symbol: 'BTC-USD', price: 90_000, volPerSqrtSec: 0.0004, priceDecimals: 2, weight: 30, feeRate: 0.0006 },
  { symbol: 'ETH-USD', price: 3_000, volPerSqrtSec: 0.0005, priceDecimals: 2, weight: 22, feeRate: 0.0006 },
  { symbol: 'SOL-USD', price: 180, volPerSqrtSec: 0.0007, priceDecimals: 3, weight: 14, feeRate: 0.0006 },
  { symbol: 'DOGE-USD', price: 0.16, volPerSqrtSec: 0.0009, priceDecimals: 5, weight: 6, feeRate: 0.0006 },
  { symbol: 'AAPL', price: 230, volPerSqrtSec: 0.0002, priceDecimals: 2, weight: 10, feeRate: 0.0001 },
  { symbol: 'NVDA', price: 140, volPerSqrtSec: 0.0003, priceDecimals: 2, weight: 8, feeRate: 0.0001 },
  { symbol: 'EUR-USD', price: 1.08, volPerSqrtSec: 0.00005, priceDecimals: 5, weight: 10, feeRate: 0.00002 },
];

/** Prices far from the start are pulled back, so a walk left running for days stays plausible. */
const MEAN_REVERSION_PER_SEC = 1e-4;

export interface Market {
  /** Advances every price to `now` (epoch ms). */
  advance(now: number): void;
  /** Picks an instrument by order-flow weight. */
  pickInstrument(): Instrument;
  /** A fill price near the current mid: buyers pay a little more, sellers get a little less. */
  fillPrice(symbol: string, side: 'buy' | 'sell'): number;
  mid(symbol: string): number;
}

/** Standard normal draw (Box–Muller), from the seeded source. */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function createMarket(rng: Rng, startMs: number, instruments: readonly Instrument[] = INSTRUMENTS): Market {
  const mids = new Map(instruments.map((i) => [i.symbol, i.price]));
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  const totalWeight = instruments.reduce((sum, i) => sum + i.weight, 0);
  let last = startMs;

  return {
    advance(now) {
      const dt = (now - last) / 1000;
      if (dt <= 0) return;
      last = now;
      for (const inst of instruments) {
        const mid = mids.get(inst.symbol) ?? inst.price;
        const pull = -MEAN_REVERSION_PER_SEC * dt * Math.log(mid / inst.price);
        const shock = inst.volPerSqrtSec * Math.sqrt(dt) * gaussian(rng);
        mids.set(inst.symbol, mid * Math.exp(pull + shock));
      }
    },
    pickInstrument() {
      let r = rng.next() * totalWeight;
      for (const inst of instruments) {
        r -= inst.weight;
        if (r < 0) return inst;
      }
      return instruments[instruments.length - 1]!;
    },
    fillPrice(symbol, side) {
      const inst = bySymbol.get(symbol);
      const mid = mids.get(symbol) ?? 1;
      const slippage = 1 + (side === 'buy' ? 1 : -1) * rng.next() * 0.0005;
      return roundTo(mid * slippage, inst?.priceDecimals ?? 2);
    },
    mid(symbol) {
      return mids.get(symbol) ?? Number.NaN;
    },
  };
}
