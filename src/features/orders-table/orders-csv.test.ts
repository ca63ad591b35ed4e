import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../core/apply';
import { createBook } from '../../core/book';
import { thresholdsOf } from '../../core/stale-rules';
import { csvField } from '../../lib/csv-field';
import { ordersToCsv } from './orders-csv';

describe('csv', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    [' =1+1', "' =1+1"],
    ['\u00a0+cmd', "'\u00a0+cmd"],
    ['\u200b=cmd', "'\u200b=cmd"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['\uff1dHYPERLINK(1)', "'\uff1dHYPERLINK(1)"],
    ['\uff0b1', "'\uff0b1"],
    ['a=b', 'a=b'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
  ])('neutralises and quotes %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes numbers as numbers and null as empty', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('exports orders in the given order with a header', () => {
    const book = createBook();
    const t = Date.parse('2026-11-24T12:00:00Z');
    for (const id of ['b', '=cmd|calc']) {
      applyEvent(book, {
        type: 'order_created',
        client_order_id: id,
        ts: t,
        engine: 'e',
        symbol: '@BTC',
        side: 'buy',
        size_usd: 100,
        route: 'paper',
      });
    }
    const orders = [...book.orders.values()].reverse();
    const csv = ordersToCsv(orders, t + 400_000, thresholdsOf(300));
    expect(csv.startsWith('\uFEFFclient_order_id,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^client_order_id,order_id,status,stale,/);
    expect(lines[1]).toMatch(/^'=cmd\|calc,,NEW,active for 6 m 40 s — over 300 s limit,'@BTC,buy,100,0,/);
    expect(lines[2]!.startsWith('b,')).toBe(true);
  });

  it('never writes a negative age: an order stamped ahead of the clock is 0 s old', () => {
    const book = createBook();
    const t = Date.parse('2026-11-24T12:00:00Z');
    applyEvent(book, {
      type: 'order_created',
      client_order_id: 'future',
      ts: Date.parse('9999-12-31T00:00:00Z'),
      engine: 'e',
      symbol: 'BTC',
      side: 'buy',
      size_usd: 1,
      route: 'paper',
    });
    const row = ordersToCsv([...book.orders.values()], t, thresholdsOf(300))
      .trimEnd()
      .split('\r\n')[1]!;
    expect(row.split(',').at(-1)).toBe('0');
  });
});
