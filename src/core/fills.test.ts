import { describe, expect, it } from 'vitest';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import type { OrderBook } from './book';
import { createBook } from './book';
import type { OrderEvent } from './events';
import { autoTransitionTarget, fillPct, rawFillPct } from './fills';
import { MAX_FILLS_KEPT } from './order';

function openBook(sizeUsd = 1000, ...events: OrderEvent[]): OrderBook {
  const book = createBook();
  applyEvent(book, created('a', { size_usd: sizeUsd }));
  applyEvent(book, moved('a', 'OPEN', { ts: T0 + 100 }));
  for (const e of events) applyEvent(book, e);
  return book;
}

const fill = (value: number, at: number, extra: Partial<{ filled_size: number; fees: number }> = {}) =>
  filled('a', value, { ts: at, ...extra });

describe('fill arithmetic', () => {
  it('fill_pct is min(100, value / size × 100); the raw figure is unclamped', () => {
    expect(rawFillPct(250, 1000)).toBe(25);
    expect(fillPct(250, 1000)).toBe(25);
    expect(rawFillPct(1500, 1000)).toBe(150);
    expect(fillPct(1500, 1000)).toBe(100);
  });

  it.each([
    ['NEW', 50, null],
    ['OPEN', 0, null],
    ['OPEN', 0.0001, 'PARTIAL_FILL'],
    ['OPEN', 99.89, 'PARTIAL_FILL'],
    ['OPEN', 99.9, 'FILLED'],
    ['PARTIAL_FILL', 60, null],
    ['PARTIAL_FILL', 99.9, 'FILLED'],
    ['PARTIAL_FILL', 180, 'FILLED'],
  ] as const)('autoTransitionTarget(%s, %d) = %s', (status, pct, target) => {
    expect(autoTransitionTarget(status, pct)).toBe(target);
  });
});

describe('rule 6: fills are cumulative totals', () => {
  it('stores the totals as sent (not summed), with avg_price and fill_pct derived', () => {
    const book = openBook(
      1000,
      fill(400, T0 + 1500, { filled_size: 0.004, fees: 1.6 }),
      fill(600, T0 + 2500, { filled_size: 0.006, fees: 2.4 }),
    );
    const o = book.orders.get('a')!;
    expect(o).toMatchObject({
      filled_size: 0.006,
      filled_value: 600,
      fees: 2.4,
      fill_pct: 60,
      status: 'PARTIAL_FILL',
      last_update_at: T0 + 2500,
    });
    expect(o.avg_price).toBeCloseTo(100_000, 6);
    expect(o.fills.map((f) => f.filled_value)).toEqual([400, 600]);
  });

  it('avg_price is null before any fill and while filled_size is 0', () => {
    const book = openBook(1000);
    expect(book.orders.get('a')!.avg_price).toBeNull();
    applyEvent(book, fill(0, T0 + 200, { filled_size: 0, fees: 0.5 }));
    expect(book.orders.get('a')!.avg_price).toBeNull();
  });

  it('avg_price stays null when the ratio is not a finite number (a denormal filled_size)', () => {
    const book = openBook(1000, fill(25, T0 + 200, { filled_size: 5e-324 }));
    expect(book.orders.get('a')).toMatchObject({ avg_price: null, filled_value: 25, fill_pct: 2.5 });
  });

  it('first_fill_at is the first non-zero fill, not a zero report before it, and never moves later', () => {
    const book = openBook(1000, fill(0, T0 + 200));
    const o = book.orders.get('a')!;
    expect(o.first_fill_at).toBeNull();
    expect(o.status).toBe('OPEN');
    applyEvent(book, fill(100, T0 + 300));
    applyEvent(book, fill(200, T0 + 400));
    expect(o.first_fill_at).toBe(T0 + 300);
  });

  it('the doc example: 400 then 1000 of 1000 ends FILLED by itself, cause fill', () => {
    const book = openBook(1000, fill(400, T0 + 1500), fill(1000, T0 + 3000));
    const o = book.orders.get('a')!;
    expect(o.status).toBe('FILLED');
    expect(o.completed_at).toBe(T0 + 3000);
    expect(o.history.map((h) => `${h.from}>${h.to}:${h.cause}`)).toEqual([
      'NEW>OPEN:transition',
      'OPEN>PARTIAL_FILL:fill',
      'PARTIAL_FILL>FILLED:fill',
    ]);
  });

  it('99.9 % counts as filled (engine rounding); 99.89 % does not', () => {
    expect(openBook(1000, fill(999, T0 + 1)).orders.get('a')!.status).toBe('FILLED');
    const almost = openBook(1000, fill(998.9, T0 + 1)).orders.get('a')!;
    expect(almost.status).toBe('PARTIAL_FILL');
    expect(almost.fill_pct).toBeCloseTo(99.89, 10);
  });

  it('100.1 % fills without overfill; above 100.1 % records overfill, still applies and clamps fill_pct', () => {
    const edge = openBook(1000, fill(1001, T0 + 1));
    expect(edge.anomalyCounts.overfill).toBe(0);
    expect(edge.orders.get('a')!.status).toBe('FILLED');
    const over = openBook(1000, fill(1500, T0 + 1));
    const o = over.orders.get('a')!;
    expect(over.anomalyCounts.overfill).toBe(1);
    expect(over.anomalies.toArray()[0]!.detail).toBe('filled 150.00% of size_usd 1000');
    expect(o).toMatchObject({ status: 'FILLED', filled_value: 1500, fill_pct: 100 });
  });

  it('a fill on NEW is kept: implicit OPEN (submitted_at set) then the auto-transition', () => {
    const book = createBook();
    applyEvent(book, created('a', { size_usd: 1000 }));
    const result = applyEvent(book, fill(300, T0 + 700));
    const o = book.orders.get('a')!;
    expect(result).toMatchObject({ outcome: 'applied', anomalies: 1 });
    expect(book.anomalyCounts.fill_before_open).toBe(1);
    expect(o).toMatchObject({ status: 'PARTIAL_FILL', submitted_at: T0 + 700, first_fill_at: T0 + 700, filled_value: 300, fill_pct: 30 });
    expect(o.history).toEqual([
      { from: 'NEW', to: 'OPEN', at: T0 + 700, cause: 'implicit' },
      { from: 'OPEN', to: 'PARTIAL_FILL', at: T0 + 700, cause: 'fill' },
    ]);
  });

  it('a full fill on NEW goes NEW → OPEN → FILLED', () => {
    const book = createBook();
    applyEvent(book, created('a', { size_usd: 1000 }));
    applyEvent(book, fill(1000, T0 + 700));
    const o = book.orders.get('a')!;
    expect(o.history.map((h) => h.cause)).toEqual(['implicit', 'fill']);
    expect(o).toMatchObject({ status: 'FILLED', completed_at: T0 + 700 });
  });

  it.each([
    ['filled_size', { filled_size: 0.001, fees: 2 }, 'filled_size fell from 0.002 to 0.001; fill ignored'],
    ['filled_value', { filled_size: 0.002, fees: 2 }, 'filled_value fell from 200 to 199; fill ignored'],
    ['fees', { filled_size: 0.002, fees: 1.5 }, 'fees fell from 2 to 1.5; fill ignored'],
  ] as const)('a lower %s is fill_regression and changes nothing', (field, extra, detail) => {
    const book = openBook(1000, fill(200, T0 + 1, { filled_size: 0.002, fees: 2 }));
    const before = JSON.stringify(book.orders.get('a'));
    const value = field === 'filled_value' ? 199 : 200;
    expect(applyEvent(book, fill(value, T0 + 9, extra))).toMatchObject({ outcome: 'unchanged', anomalies: 1 });
    expect(JSON.stringify(book.orders.get('a'))).toBe(before);
    expect(book.anomalies.toArray()[0]).toMatchObject({ kind: 'fill_regression', detail });
  });

  it('an all-zero fill on NEW still opens it implicitly, with no first_fill_at', () => {
    const book = createBook();
    applyEvent(book, created('a'));
    applyEvent(book, fill(0, T0 + 1, { filled_size: 0, fees: 0 }));
    expect(book.orders.get('a')).toMatchObject({ status: 'OPEN', submitted_at: T0 + 1, first_fill_at: null });
    expect(book.anomalyCounts.fill_before_open).toBe(1);
  });

  it('equal totals are no regression and add no fill record', () => {
    const book = openBook(1000, fill(200, T0 + 1));
    const o = book.orders.get('a')!;
    const rev = o.rev;
    expect(applyEvent(book, fill(200, T0 + 50)).anomalies).toBe(0);
    expect(o.fills).toHaveLength(1);
    expect(o.last_update_at).toBe(T0 + 1);
    expect(o.rev).toBe(rev);
  });

  it('a fill after a terminal status is fill_after_terminal and changes nothing', () => {
    const book = openBook(1000, moved('a', 'EXPIRED', { ts: T0 + 5 }));
    const before = JSON.stringify(book.orders.get('a'));
    expect(applyEvent(book, fill(900, T0 + 9))).toMatchObject({ outcome: 'unchanged', anomalies: 1 });
    expect(JSON.stringify(book.orders.get('a'))).toBe(before);
    expect(book.anomalies.toArray()[0]!.detail).toBe('fill after EXPIRED ignored');
  });

  it(`keeps only the newest ${MAX_FILLS_KEPT} fill records`, () => {
    const book = openBook(1_000_000);
    for (let i = 1; i <= MAX_FILLS_KEPT + 10; i++) applyEvent(book, fill(i, T0 + i));
    const fills = book.orders.get('a')!.fills;
    expect(fills).toHaveLength(MAX_FILLS_KEPT);
    expect(fills[0]!.filled_value).toBe(11);
    expect(fills.at(-1)!.filled_value).toBe(MAX_FILLS_KEPT + 10);
  });
});
