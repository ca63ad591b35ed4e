import { applyEvent } from '../../core/apply';
import { createBook } from '../../core/book';
import { created, filled, moved } from '../../../test/support/stats-test-events';
import { fillRows } from './order-fills';
import { buildTimeline } from './order-timeline';
import { formatInState, formatSize } from './format-time';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function order(...events: Parameters<typeof applyEvent>[1][]) {
  const book = createBook();
  for (const e of events) applyEvent(book, e);
  return book.orders.get('a')!;
}

describe('order timeline', () => {
  it('gives each state the time until the next change, and the current one time until now', () => {
    const o = order(created('a', T0), moved('a', T0 + 400, 'OPEN'), filled('a', T0 + 2_400, 300, 0.3));
    const rows = buildTimeline(o, T0 + 10_000);
    expect(rows.map((r) => [r.status, r.cause, r.durationMs, r.current])).toEqual([
      ['NEW', 'created', 400, false],
      ['OPEN', 'transition', 2_000, false],
      ['PARTIAL_FILL', 'fill', 7_600, true],
    ]);
    expect(buildTimeline(o, T0 + 11_000)[2]!.durationMs).toBe(8_600);
  });

  it('ends with a final state that has no running time, and keeps reasons and implied opens', () => {
    const o = order(created('a', T0), filled('a', T0 + 100, 1000, 1), moved('a', T0 + 200, 'CANCELED', 'too late'));
    const rows = buildTimeline(o, T0 + 60_000);
    expect(rows.map((r) => [r.status, r.cause, r.durationMs])).toEqual([
      ['NEW', 'created', 100],
      ['OPEN', 'implicit', 0],
      ['FILLED', 'fill', null],
    ]);
    const rejected = order(created('a', T0), moved('a', T0 + 50, 'REJECTED', 'price band'));
    expect(buildTimeline(rejected, T0 + 1_000)[1]).toMatchObject({ status: 'REJECTED', reason: 'price band', durationMs: null });
  });

  it('computes fill increments from cumulative reports', () => {
    const o = order(
      created('a', T0),
      moved('a', T0 + 1, 'OPEN'),
      filled('a', T0 + 2, 250, 0.25, 50_000),
      filled('a', T0 + 3, 1000, 1, 50_000),
    );
    const { rows, truncated } = fillRows(o.fills, o.size_usd);
    expect(truncated).toBe(false);
    expect(rows[1]).toMatchObject({ value: 750, fees: 0.75, cumValue: 1000, cumPct: 100 });
    expect(rows[1]!.price).toBeCloseTo(50_000);
    expect(rows[1]!.size).toBeCloseTo(0.015);
  });

  it('formats durations and sizes for people', () => {
    expect(formatInState(null)).toBe('final');
    expect(formatInState(420)).toBe('420 ms');
    expect(formatInState(12_400)).toBe('12.4 s');
    expect(formatInState(185_000)).toBe('3 m 05 s');
    expect(formatSize(0.0042134)).toBe('0.004213');
    expect(formatSize(12_500.5)).toBe('12,500.5');
  });
});
