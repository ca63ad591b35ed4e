import { describe, expect, it } from 'vitest';
import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import { created, filled, moved, T0 } from '../../test/support/event-builders';
import { sseFrames } from '../../test/support/sse-frames';
import { anomalyToJson, orderToJson } from './order-json';
import { ordersToColumns } from './snapshot-columns';
import {
  MAX_HEAD_BYTES,
  snapshotEndMessage,
  snapshotHeadJson,
  snapshotMessage,
  snapshotOrdersMessage,
  SnapshotReader,
} from './snapshot-messages';

/** A book the relay could hold: an order filled in steps, a working one, an anomaly. */
function book() {
  const b = createBook();
  applyEvent(b, created('a', { engine: 'e1', seq: 1, ts: T0 + 1 }));
  applyEvent(b, moved('a', 'OPEN', { engine: 'e1', seq: 2, ts: T0 + 2 }));
  applyEvent(b, filled('a', 400, { engine: 'e1', seq: 3, ts: T0 + 3 }));
  applyEvent(b, created('b', { engine: 'e2', seq: 1, ts: T0 + 4 }));
  applyEvent(b, created('c', { engine: 'e2', seq: 2, ts: T0 + 5 }));
  applyEvent(b, moved('ghost', 'CANCELED', { engine: 'e2', seq: 3, ts: T0 + 6 }));
  return b;
}

/** Head fields that do not matter to the test at hand. */
const SMALL = { rseq: 1, logId: 'l', now: T0, staleAfterSec: 1, heartbeatMs: 1, keepTerminal: 1, orderCount: 0, blockSize: 1 };

describe('the snapshot messages, written as the relay writes them and read as the dashboard reads them', () => {
  it('gives back every order, anomaly, engine seq and the relay’s settings', () => {
    const b = book();
    const orders = [...b.orders.values()];
    const fields = {
      rseq: 6,
      logId: 'log-A',
      now: T0 + 10,
      staleAfterSec: 90,
      heartbeatMs: 2000,
      keepTerminal: 7,
      orderCount: 3,
      blockSize: 2,
    };
    const text =
      snapshotMessage(snapshotHeadJson(b, fields)) +
      snapshotOrdersMessage(JSON.stringify(ordersToColumns(orders.slice(0, 2)))) +
      snapshotOrdersMessage(JSON.stringify(ordersToColumns(orders.slice(2)))) +
      snapshotEndMessage(6);
    const frames = sseFrames(text);
    expect(frames.map((f) => f.event)).toEqual(['snapshot', 'snapshot_orders', 'snapshot_orders', 'snapshot_end']);
    expect(frames.at(-1)!.id).toBe('6');
    const reader = new SnapshotReader();
    expect(reader.begin(frames[0]!.data)).toBe(true);
    for (const f of frames.slice(1, -1)) expect(reader.add(f.data)).toBe(true);
    const snapshot = reader.end(frames.at(-1)!.data)!;
    expect(snapshot.orders.map(orderToJson)).toEqual(orders.map(orderToJson));
    expect(snapshot.anomalies.map(anomalyToJson)).toEqual(b.anomalies.toArray().map(anomalyToJson));
    expect(snapshot).toMatchObject({
      rseq: 6,
      logId: 'log-A',
      now: T0 + 10,
      staleAfterSec: 90,
      heartbeatMs: 2000,
      keepTerminal: 7,
      lastSeq: { e1: 3, e2: 3 },
      anomalyCounts: b.anomalyCounts,
      skipped: 0,
    });
  });

  it('an end naming another rseq, or one without a head, gives no snapshot', () => {
    const b = book();
    const head = snapshotHeadJson(b, { ...SMALL, rseq: 6 });
    const reader = new SnapshotReader();
    reader.begin(head);
    expect(reader.end('{"rseq":5}')).toBeNull();
    expect(reader.end('{"rseq":6}')).toBeNull();
  });

  it('keeps the head within MAX_HEAD_BYTES, counting UTF-8 bytes, however many anomalies and engines', () => {
    const b = createBook();
    for (let i = 0; i < 5_000; i++) applyEvent(b, moved(`ghost-€-${i}`, 'CANCELED', { engine: `engine-€-${i}`, seq: 1, ts: T0 + i }));
    const head = snapshotHeadJson(b, SMALL);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(MAX_HEAD_BYTES);
    expect(Buffer.byteLength(head)).toBeGreaterThan(MAX_HEAD_BYTES / 2);
  });
});
