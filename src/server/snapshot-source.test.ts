import { createBook } from '../core/book';
import { applyEvent } from '../core/apply';
import { cleanup } from '../core/cleanup';
import type { OrderLifecycleEvent } from '../core/events';
import { orderToJson } from '../protocol/order-json';
import { toNdjsonLine } from '../protocol/encode';
import { readSnapshotText } from '../../test/support/snapshot-reader';
import { emptyTally } from '../protocol/ingest';
import { MemoryEventLog } from './event-log';
import { RelayState } from './relay-state';

const T0 = Date.UTC(2025, 10, 23);

function flow(count: number): { created: OrderLifecycleEvent[]; later: OrderLifecycleEvent[] } {
  const created: OrderLifecycleEvent[] = [];
  const later: OrderLifecycleEvent[] = [];
  for (let i = 0; i < count; i++) {
    const id = `o${i}`;
    created.push({
      type: 'order_created',
      client_order_id: id,
      ts: T0 + i,
      engine: 'e',
      symbol: 'BTC-USD',
      side: 'buy',
      size_usd: 1000,
      route: 'paper',
    });
    later.push({ type: 'order_transition', client_order_id: id, ts: T0 + 5000 + i, engine: 'e', status: 'OPEN' });
    later.push({ type: 'order_fill', client_order_id: id, ts: T0 + 6000 + i, engine: 'e', filled_size: 0.01, filled_value: 1000, fees: 1 });
  }
  return { created, later };
}

function ingest(state: RelayState, events: readonly OrderLifecycleEvent[]): void {
  state.ingest(
    events.map((e, i) => ({ line: i + 1, text: toNdjsonLine(e).trim() })),
    emptyTally(),
  );
}

describe('SnapshotSource', () => {
  it('stays consistent with its rseq while events change orders between pieces', () => {
    const state = new RelayState({ log: new MemoryEventLog(100_000), now: () => T0, anomalyLimit: 100, onAccepted: () => {} });
    const { created, later } = flow(2_000);
    ingest(state, created);
    const source = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 50_000 });
    const pieces = source.pieces();
    let text = pieces.next().value as string;
    // Half the orders move on after the head went out, the rest after the first block.
    ingest(state, later.slice(0, 2_000));
    expect(source.preimageSize).toBeGreaterThan(1_000 * 160);
    text += pieces.next().value as string;
    ingest(state, later.slice(2_000));
    for (const piece of pieces) text += piece;
    state.endSnapshot(source);

    expect(text.startsWith(`event: snapshot\ndata: {"v":2,"rseq":2000,`)).toBe(true);
    expect(text.endsWith(`id: 2000\nevent: snapshot_end\ndata: {"rseq":2000}\n\n`)).toBe(true);
    const snapshot = readSnapshotText(text);
    const reference = createBook();
    for (const event of created) applyEvent(reference, event);
    expect(snapshot.rseq).toBe(2_000);
    expect(snapshot.orders).toEqual([...reference.orders.values()].map(orderToJson));
    expect(snapshot.summary.by_status.NEW).toBe(2_000);
    // Meanwhile the live book really did move on.
    expect(state.book.byStatus.FILLED).toBe(2_000);
    expect(source.preimageSize).toBe(0);
  });

  it('gives two snapshots in flight each their own rseq while sharing saved order states', () => {
    const state = new RelayState({ log: new MemoryEventLog(100_000), now: () => T0, anomalyLimit: 100, onAccepted: () => {} });
    const { created, later } = flow(1_000);
    ingest(state, created);
    const first = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 50_000 });
    const firstPieces = first.pieces();
    let firstText = firstPieces.next().value as string;
    const opens = later.filter((e) => e.type === 'order_transition');
    const fills = later.filter((e) => e.type === 'order_fill');
    ingest(state, opens);
    const second = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 50_000 });
    let secondText = '';
    for (const piece of second.pieces()) secondText += piece;
    ingest(state, fills);
    for (const piece of firstPieces) firstText += piece;
    state.endSnapshot(first);
    state.endSnapshot(second);
    const statuses = (text: string) => new Set(readSnapshotText(text).orders.map((o) => o.status));
    expect(second.rseq).toBe(2_000);
    expect(statuses(firstText)).toEqual(new Set(['NEW']));
    expect(statuses(secondText)).toEqual(new Set(['OPEN']));
  });

  it('a later snapshot of the same book (blocks reused where their orders did not change) carries every change exactly', () => {
    const state = new RelayState({ log: new MemoryEventLog(100_000), now: () => T0, anomalyLimit: 100, onAccepted: () => {} });
    const { created, later } = flow(2_500);
    ingest(state, created);
    const snapshotPieces = (): string[] => {
      const source = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 50_000 });
      const pieces = [...source.pieces()];
      state.endSnapshot(source);
      return pieces;
    };
    const before = snapshotPieces();
    // o1500 opens: the block holding it changes, the others do not.
    ingest(
      state,
      later.filter((e) => e.client_order_id === 'o1500' && e.type === 'order_transition'),
    );
    const after = snapshotPieces();
    expect(after).toHaveLength(before.length);
    // Between the head and the end (both carry the new rseq), one block changed: the one holding o1500.
    const changed = after.slice(1, -1).flatMap((piece, i) => (piece === before[i + 1] ? [] : [i]));
    expect(changed).toEqual([after.slice(1, -1).findIndex((piece) => piece.includes('"o1500"'))]);
    const reference = createBook();
    for (const event of [...created, ...later.filter((e) => e.client_order_id === 'o1500' && e.type === 'order_transition')])
      applyEvent(reference, event);
    expect(readSnapshotText(after.join('')).orders).toEqual([...reference.orders.values()].map(orderToJson));
  });

  it('cleanup removing finished orders re-encodes only the blocks they were in: the others keep their text', () => {
    const state = new RelayState({ log: new MemoryEventLog(100_000), now: () => T0, anomalyLimit: 100, onAccepted: () => {} });
    const { created } = flow(6_000);
    ingest(state, created);
    // The first 300 orders are rejected, then cleaned out of the book.
    ingest(
      state,
      created.slice(0, 300).map((e, i) => ({
        type: 'order_transition',
        client_order_id: e.client_order_id,
        ts: T0 + 9_000 + i,
        engine: 'e',
        status: 'REJECTED',
      })),
    );
    const blocks = (): string[] => {
      const source = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 0 });
      const pieces = [...source.pieces()];
      state.endSnapshot(source);
      return pieces.slice(1, -1);
    };
    const before = blocks();
    expect(before.length).toBeGreaterThan(3);
    expect(cleanup(state.book, 0)).toHaveLength(300);
    const after = blocks();
    // Blocks wholly among the removed orders are gone, the one reaching past them changed, and
    // every block after that is the same text as before.
    expect(after.length).toBeGreaterThan(3);
    expect(after.slice(1)).toEqual(before.slice(before.length - after.length + 1));
    expect(before).not.toContain(after[0]);
    const reference = createBook();
    for (const event of created.slice(300)) applyEvent(reference, event);
    const source = state.beginSnapshot({ now: T0, staleAfterSec: 300, heartbeatMs: 5000, keepTerminal: 0 });
    expect(readSnapshotText([...source.pieces()].join('')).orders).toEqual([...reference.orders.values()].map(orderToJson));
  });
});
