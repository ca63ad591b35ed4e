import { createBook } from '../core/book';
import type { OrderBook } from '../core/book';
import type { OrderEvent } from '../core/events';
import { staleOrders } from '../core/queries';
import { TERMINAL_STATUSES } from '../core/status';
import { ANOMALY_KINDS } from '../core/anomaly';
import { decodeLine } from '../protocol/decode';
import { toNdjsonLine } from '../protocol/encode';
import { emptyTally, ingestLine, stampReceipt } from '../protocol/ingest';
import type { IngestTally } from '../protocol/ingest';
import { createPaperSim } from './paper-sim';
import type { PaperSimOptions } from './paper-sim';

const START = Date.parse('2026-03-02T09:00:00Z');

interface Run {
  lines: string[];
  book: OrderBook;
  tally: IngestTally;
  /** Stale counts sampled once a simulated minute, as the relay would see them. */
  staleSamples: number[];
  end: number;
}

/** Steps a simulator for `minutes` of simulated time and replays its wire output through the core. */
function run(options: PaperSimOptions, minutes: number, stepMs = 100): Run {
  const sim = createPaperSim(options);
  const book = createBook({ anomalyLimit: Number.POSITIVE_INFINITY });
  const tally = emptyTally();
  const lines: string[] = [];
  const staleSamples: number[] = [];
  const steps = (minutes * 60_000) / stepMs;
  let t = START;
  for (let i = 0; i <= steps; i++, t += stepMs) {
    for (const event of sim.step(t)) {
      const text = toNdjsonLine(event).trimEnd();
      lines.push(text);
      // The relay's clock check, at the sim's own clock: what flags its fast-clock fault.
      const at = t;
      ingestLine(book, { line: lines.length, text }, tally, { stamp: (e) => stampReceipt(e, at, 60_000) });
    }
    if (i % (60_000 / stepMs) === 0) staleSamples.push(staleOrders(book, t, 300).length);
  }
  return { lines, book, tally, staleSamples, end: t };
}

const decoded = (lines: readonly string[]): OrderEvent[] =>
  lines.map((line) => {
    const d = decodeLine(line);
    if (!d.ok) throw new Error(`undecodable line ${line}: ${d.error}`);
    return d.event;
  });

describe('paper simulator', () => {
  const clean = run({ seed: 11, ratePerSec: 50 }, 20);

  it('is deterministic for a seed and differs across seeds', () => {
    const again = run({ seed: 11, ratePerSec: 50 }, 3).lines;
    expect(again).toEqual(clean.lines.slice(0, again.length));
    const other = run({ seed: 12, ratePerSec: 50 }, 3).lines;
    expect(other.slice(0, 50)).not.toEqual(again.slice(0, 50));
  });

  it('emits only valid wire v1 lines with increasing seq per engine', () => {
    const last = new Map<string, number>();
    let outOfOrder = 0;
    for (const event of decoded(clean.lines)) {
      if (event.seq === undefined || event.seq <= (last.get(event.engine) ?? 0)) outOfOrder++;
      last.set(event.engine, event.seq ?? 0);
    }
    expect(outOfOrder).toBe(0);
    expect(last.size).toBeGreaterThanOrEqual(2);
  });

  it('replays through the core without a single anomaly, duplicate or rejection', () => {
    expect(clean.tally.rejected).toEqual([]);
    expect(clean.tally.duplicates).toBe(0);
    expect(clean.book.anomalyTotal).toBe(0);
  });

  it('keeps to the configured event rate', () => {
    expect(clean.lines.length / (20 * 60)).toBeGreaterThan(47.5);
    expect(clean.lines.length / (20 * 60)).toBeLessThan(52.5);
  });

  it('ends orders in every terminal status, mostly filled', () => {
    const by = clean.book.byStatus;
    for (const status of TERMINAL_STATUSES) expect(by[status], status).toBeGreaterThan(10);
    expect(by.FILLED).toBeGreaterThan(by.CANCELED + by.EXPIRED + by.REJECTED + by.FAILED);
  });

  it('looks like a real account: symbols, routes, sides, sizes, partial fills over time', () => {
    const orders = [...clean.book.orders.values()];
    expect(new Set(orders.map((o) => o.symbol)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(orders.map((o) => o.route))).toEqual(new Set(['live', 'paper', 'dry_run']));
    expect(new Set(orders.map((o) => o.side))).toEqual(new Set(['buy', 'sell']));
    const sizes = orders.map((o) => o.size_usd);
    expect(Math.min(...sizes)).toBeLessThan(50);
    expect(Math.max(...sizes)).toBeGreaterThan(3_000);
    const filled = orders.filter((o) => o.status === 'FILLED');
    expect(filled.filter((o) => o.fills.length >= 3).length).toBeGreaterThan(filled.length / 10);
    expect(filled.some((o) => o.completed_at! - o.created_at > 60_000)).toBe(true);
    const btc = orders.find((o) => o.symbol === 'BTC-USD' && o.avg_price !== null)!;
    expect(btc.avg_price).toBeGreaterThan(60_000);
  });

  it('runs dry-run orders NEW → OPEN → FILLED', () => {
    const dry = [...clean.book.orders.values()].filter((o) => o.route === 'dry_run' && o.status === 'FILLED');
    expect(dry.length).toBeGreaterThan(10);
    for (const o of dry) expect(o.history.map((h) => h.to)).toEqual(['OPEN', 'FILLED']);
  });

  it('dates nothing before it starts: a fresh relay shows no order older than the engine', () => {
    const events = decoded(clean.lines);
    expect(events.length).toBeGreaterThan(1_000);
    expect(Math.min(...events.map((e) => e.ts))).toBeGreaterThanOrEqual(START);
    const firstOrders = events.filter((e) => e.type === 'order_created').slice(0, 50);
    for (const e of firstOrders) expect(e.ts - START, e.client_order_id).toBeLessThan(60_000);
  });

  it('has stale orders from its own plan once the first ones outlive the limit, and from then on', () => {
    // None at the start (nothing is back-dated); the stale fate's first orders pass 300 s in minute 6.
    expect(clean.staleSamples.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(Math.min(...clean.staleSamples.slice(7))).toBeGreaterThanOrEqual(5);
    // Ordinary orders finish within minutes: stale ones are a small share of what is working.
    const working = clean.book.byStatus.NEW + clean.book.byStatus.OPEN + clean.book.byStatus.PARTIAL_FILL;
    expect(staleOrders(clean.book, clean.end, 300).length).toBeLessThan(working / 2);
  });

  it('with faults on, produces every anomaly kind and duplicate lines', () => {
    const faulty = run({ seed: 5, ratePerSec: 50, faults: true }, 10);
    for (const kind of ANOMALY_KINDS) expect(faulty.book.anomalyCounts[kind], kind).toBeGreaterThan(0);
    expect(faulty.tally.duplicates).toBeGreaterThan(0);
    expect(faulty.tally.rejected).toEqual([]);
  });

  it('keeps its own memory bounded over a long run', () => {
    const sim = createPaperSim({ seed: 3, ratePerSec: 50, keepFinished: 200 });
    let t = START;
    const peakPerHour = [0, 0];
    for (let i = 0; i < 2 * 60 * 60; i++, t += 1_000) {
      sim.step(t);
      const hour = i < 3_600 ? 0 : 1;
      peakPerHour[hour] = Math.max(peakPerHour[hour]!, sim.stats().bookSize);
    }
    // Working orders plus at most 2 × keepFinished finished ones: flat from hour to hour.
    expect(sim.stats().emitted).toBeGreaterThan(300_000);
    expect(peakPerHour[1]).toBeLessThan(1_500);
    expect(peakPerHour[1]).toBeLessThan(peakPerHour[0]! * 1.25);
  });
});
