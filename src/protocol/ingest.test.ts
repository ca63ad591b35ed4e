import { describe, expect, it } from 'vitest';
import { createBook } from '../core/book';
import { emptyTally, ingestLine, INTERNAL_ERROR, stampReceipt } from './ingest';
import { createdEvent } from '../core/events';

const line = (n: number, value: unknown) => ({ line: n, text: typeof value === 'string' ? value : JSON.stringify(value) });
const createdLine = (n: number, seq?: number) =>
  line(n, {
    type: 'order_created',
    client_order_id: `o${n}`,
    ts: 1763856000,
    seq,
    engine: 'e',
    symbol: 'X',
    side: 'buy',
    size_usd: 10,
    route: 'paper',
  });

describe('ingestLine', () => {
  it('rule 1: a rejected line is counted with its number and reason and changes nothing, not even the sequence', () => {
    const book = createBook();
    const tally = emptyTally();
    ingestLine(book, createdLine(1, 5), tally);
    const rejected = { ...createdLine(2, 9), text: createdLine(2, 9).text.replace('"size_usd":10', '"size_usd":-1') };
    expect(ingestLine(book, rejected, tally)).toBeUndefined();
    expect(ingestLine(book, { line: 3, error: 'invalid UTF-8' }, tally)).toBeUndefined();
    expect(ingestLine(book, line(4, 'not json'), tally)).toBeUndefined();
    expect(tally.rejected).toEqual([
      { line: 2, error: 'size_usd: must be > 0' },
      { line: 3, error: 'invalid UTF-8' },
      { line: 4, error: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(book.lastSeq.get('e')).toBe(5);
    expect(book.orders.size).toBe(1);
    // seq 6..8 would have been duplicates had the rejected seq 9 counted.
    expect(ingestLine(book, createdLine(5, 6), tally)).toBeDefined();
  });

  it('tallies accepted events, duplicates and anomalies; returns the event only when it passed dedup', () => {
    const book = createBook();
    const tally = emptyTally();
    const first = ingestLine(book, createdLine(1, 1), tally);
    expect(first?.event).toMatchObject({ type: 'order_created', client_order_id: 'o1', ts: 1763856000000 });
    expect(first?.result.outcome).toBe('applied');
    expect(ingestLine(book, createdLine(1, 1), tally)).toBeUndefined();
    const ghost = ingestLine(
      book,
      line(3, { type: 'order_fill', client_order_id: 'ghost', ts: 1, seq: 2, engine: 'e', filled_size: 0, filled_value: 0, fees: 0 }),
      tally,
    );
    expect(ghost?.result).toMatchObject({ outcome: 'unchanged', anomalies: 1 });
    expect(tally).toEqual({ accepted: 2, duplicates: 1, anomalies: 1, rejected: [] });
  });

  it("a line whose handling throws is that line's rejection, reported with its number; the next line still applies", () => {
    const book = createBook();
    const tally = emptyTally();
    const faults: number[] = [];
    // A book whose order map fails on one id: the relay's own code throwing mid-apply.
    const get = book.orders.get.bind(book.orders);
    book.orders.get = (id: string) => {
      if (id === 'o2') throw new RangeError('boom');
      return get(id);
    };
    for (const n of [1, 2, 3]) ingestLine(book, createdLine(n), tally, { onFault: (at) => faults.push(at) });
    expect(tally.rejected).toEqual([{ line: 2, error: INTERNAL_ERROR }]);
    expect(faults).toEqual([2]);
    expect(tally.accepted).toBe(2);
    expect([...book.orders.keys()]).toEqual(['o1', 'o3']);
  });
});

describe('stampReceipt: the relay clock check', () => {
  const NOW = 1_764_000_000_000;
  const at = (ts: number) => createdEvent('o', ts, 1, 'e', 'X', 'buy', 1, 'r');

  it('leaves an event up to the limit ahead untouched (the same object)', () => {
    const event = at(NOW + 60_000);
    expect(stampReceipt(event, NOW, 60_000)).toBe(event);
  });

  it('moves an event past the limit to the receipt time and keeps its own ts as engine_ts', () => {
    expect(stampReceipt(at(NOW + 60_001), NOW, 60_000)).toEqual({ ...at(NOW), engine_ts: NOW + 60_001 });
  });

  it('drops an engine_ts the engine sent itself', () => {
    const forged = { ...at(NOW), engine_ts: NOW + 1e9 };
    const stamped = stampReceipt(forged, NOW, 60_000);
    expect(stamped.engine_ts).toBeUndefined();
    expect(Object.keys(stamped)).toEqual(Object.keys(at(NOW)));
  });
});
