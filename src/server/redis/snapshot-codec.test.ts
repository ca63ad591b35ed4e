import { applyEvent } from '../../core/apply';
import type { OrderBook } from '../../core/book';
import { createBook } from '../../core/book';
import { byCompletion, cleanup } from '../../core/cleanup';
import { anomalyToJson, orderToJson } from '../../protocol/order-json';
import { generateEvents } from '../../../test/support/event-mix';
import { decodeSnapshot, snapshotLines } from './snapshot-codec';

const POSITION = { stream: 'ow:{t}:2026-11-24', id: '1764000000000-7', rseq: 4_321 };

/** A seeded day with faults (anomalies, dedup state) and ~2,500 orders, most of them finished. */
function dayBook(): OrderBook {
  const book = createBook();
  for (const event of generateEvents({ seed: 5, orders: 2_500, maxActive: 300, faults: 0.05 })) applyEvent(book, event);
  return book;
}

const bytes = (book: OrderBook): Buffer => Buffer.from([...snapshotLines(book, POSITION, 1)].map((line) => `${line.json}\n`).join(''));

/** Everything a restored book must carry, in comparable form (`rev` counts changes per process, so it is not part of the state). */
function state(book: OrderBook) {
  return {
    orders: [...book.orders.values()].map(orderToJson),
    byStatus: book.byStatus,
    // The order cleanup takes them in; arrival order is not kept (cleanup does not depend on it).
    terminal: [...book.terminalLog].sort(byCompletion).map((o) => o.client_order_id),
    anomalies: book.anomalies.toArray().map(anomalyToJson),
    anomalyCounts: book.anomalyCounts,
    anomalyTotal: book.anomalyTotal,
    lastSeq: [...book.lastSeq],
  };
}

describe('cluster snapshot codec', () => {
  it('gives back the same book, position and dedup state', () => {
    const book = dayBook();
    expect(book.orders.size).toBe(2_500);
    expect(book.anomalyTotal).toBeGreaterThan(0);
    const decoded = decodeSnapshot(bytes(book));
    if ('error' in decoded) throw new Error(decoded.error);
    expect(decoded.position).toEqual(POSITION);
    expect(state(decoded.book)).toEqual(state(book));
    expect(cleanup(decoded.book, 500)).toEqual(cleanup(book, 500));
  });

  it('a later snapshot carries every change made since, though unchanged blocks are reused', () => {
    const book = dayBook();
    bytes(book);
    const active = [...book.orders.values()].find((o) => o.status === 'OPEN' || o.status === 'PARTIAL_FILL')!;
    applyEvent(book, {
      type: 'order_transition',
      client_order_id: active.client_order_id,
      ts: active.last_update_at + 1,
      engine: active.engine,
      status: 'CANCELED',
    });
    const decoded = decodeSnapshot(bytes(book));
    if ('error' in decoded) throw new Error(decoded.error);
    expect(decoded.book.orders.get(active.client_order_id)!.status).toBe('CANCELED');
    expect(state(decoded.book)).toEqual(state(book));
  });

  it('still reads the v1 form (one document, an object per order) an older relay stored', () => {
    const book = dayBook();
    const v1 = {
      v: 1,
      ...POSITION,
      written_at: 1,
      last_seq: Object.fromEntries(book.lastSeq),
      anomaly_counts: book.anomalyCounts,
      anomalies: book.anomalies.toArray().map(anomalyToJson),
      orders: [...book.orders.values()].map(orderToJson),
    };
    const decoded = decodeSnapshot(Buffer.from(JSON.stringify(v1)));
    if ('error' in decoded) throw new Error(decoded.error);
    expect(state(decoded.book)).toEqual(state(book));
  });

  it('refuses a snapshot with a block missing, a broken block or an unknown version, saying which', () => {
    const lines = bytes(dayBook()).toString('utf8').split('\n');
    const size = (i: number): number => (JSON.parse(lines[i]!) as { n: number }).n;
    const without = (i: number) => Buffer.from(lines.filter((_, k) => k !== i).join('\n'));
    expect(decodeSnapshot(without(2))).toEqual({ error: `snapshot holds ${2_500 - size(2)} orders, its head says 2500` });
    const broken = [...lines];
    broken[2] = broken[2]!.replace('"st":[', '"st":["x",');
    expect(decodeSnapshot(Buffer.from(broken.join('\n')))).toEqual({ error: `snapshot block 1 has ${size(2)} unreadable orders` });
    const cut = [...lines];
    cut[3] = cut[3]!.slice(0, -10);
    expect(decodeSnapshot(Buffer.from(cut.join('\n')))).toEqual({ error: 'snapshot block 2 is not JSON' });
    expect(decodeSnapshot(Buffer.from(lines.join('\n').replace('"v":2', '"v":3')))).toEqual({
      error: 'snapshot has an unknown shape or version',
    });
    expect(decodeSnapshot(Buffer.from('\u0000garbage'))).toEqual({ error: 'snapshot is not JSON' });
  });
});
