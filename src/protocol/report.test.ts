import { describe, expect, it } from 'vitest';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import { anomalyToJson, orderToJson } from './order-json';
import { summarize } from '../core/summary';
import { reportChunks } from './report';

describe('reportChunks', () => {
  it('joins into one JSON object with the documented keys, a newline at the end', () => {
    const book = createBook();
    applyEvent(book, created('old', { ts: T0 }));
    applyEvent(book, created('done', { ts: T0 }));
    applyEvent(book, moved('done', 'FAILED'));
    applyEvent(book, created('young', { ts: T0 + 250_000 }));
    applyEvent(book, filled('ghost', 5, { seq: 3 }));
    applyEvent(book, filled('ghost', 5, { seq: 3 }));
    const text = [...reportChunks(book, { now: T0 + 301_000, staleAfter: 300, rejectedLines: 4 })].join('');
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['summary', 'orders', 'stale', 'anomalies', 'rejected_lines', 'duplicates']);
    expect(report).toEqual({
      summary: summarize(book),
      orders: [...book.orders.values()].map(orderToJson),
      stale: ['old'],
      anomalies: book.anomalies.toArray().map(anomalyToJson),
      rejected_lines: 4,
      duplicates: 1,
    });
    expect(report.anomalies).toEqual([
      {
        kind: 'unknown_order',
        client_order_id: 'ghost',
        engine: '',
        seq: 3,
        ts: '2025-11-23T00:00:02.000Z',
        detail: 'fill for unknown order ghost',
      },
    ]);
  });

  it('writes a large book in pieces of bounded size, still one valid document', () => {
    const book = createBook();
    for (let i = 0; i < 3000; i++) applyEvent(book, created(`o${i}`));
    for (let i = 0; i < 2000; i++) applyEvent(book, moved(`ghost${i}`, 'OPEN'));
    const pieces = [...reportChunks(book, { now: T0, staleAfter: 300, rejectedLines: 0, extra: { source: 'test' } })];
    expect(pieces.length).toBeGreaterThan(4);
    for (const p of pieces) expect(p.length).toBeLessThan((1 << 16) + 4096);
    const report = JSON.parse(pieces.join('')) as { source: string; orders: unknown[]; anomalies: unknown[] };
    expect(report.source).toBe('test');
    expect(report.orders).toHaveLength(3000);
    expect(report.anomalies).toHaveLength(2000);
  });

  it('an empty book is still a complete report', () => {
    const report = JSON.parse([...reportChunks(createBook(), { now: 0, staleAfter: 300, rejectedLines: 0 })].join(''));
    expect(report).toMatchObject({ orders: [], stale: [], anomalies: [], rejected_lines: 0, duplicates: 0 });
  });
});
