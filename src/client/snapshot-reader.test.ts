import { describe, expect, it } from 'vitest';
import type { Order } from '../core/order';
import { snapshotMessages } from '../../test/support/dom/fake-relay';
import { T0, openOrder } from '../../test/support/dom/feed-test-kit';
import { SnapshotReader } from '../protocol/snapshot-messages';

/** The data of each SSE message in `text`, by event name, in order. */
function messages(text: string): { event: string; data: string }[] {
  return text
    .split('\n\n')
    .filter((m) => m !== '')
    .map((m) => ({ event: /event: (\S+)/.exec(m)![1]!, data: m.slice(m.indexOf('data: ') + 6) }));
}

function filled(id: string): Order {
  return {
    ...openOrder(id),
    status: 'FILLED',
    filled_size: 5,
    filled_value: 500,
    fees: 0.5,
    avg_price: 100,
    fill_pct: 100,
    submitted_at: T0 - 50_000,
    first_fill_at: T0 - 40_000,
    completed_at: T0 - 30_000,
    history: [
      { from: 'NEW', to: 'OPEN', at: T0 - 50_000, cause: 'transition' },
      { from: 'OPEN', to: 'FILLED', at: T0 - 30_000, cause: 'fill', reason: 'done' },
    ],
    fills: [
      { at: T0 - 40_000, filled_size: 1, filled_value: 100, fees: 0.1 },
      { at: T0 - 30_000, filled_size: 5, filled_value: 500, fees: 0.5 },
    ],
  };
}

const HEAD = {
  rseq: 12,
  log_id: 'log-A',
  now: T0,
  stale_after: 60,
  heartbeat_ms: 2000,
  keep_terminal: 7,
  anomalies: [],
  anomaly_counts: {},
  last_seq: { e1: 4 },
};

function read(text: string, reader = new SnapshotReader()) {
  let result = null;
  for (const m of messages(text)) {
    if (m.event === 'snapshot') reader.begin(m.data);
    else if (m.event === 'snapshot_orders') reader.add(m.data);
    else result = reader.end(m.data);
  }
  return result;
}

describe('SnapshotReader', () => {
  it('assembles the head and every block into core orders, history and fills included', () => {
    const orders = [openOrder('a'), filled('b'), openOrder('c'), filled('d'), openOrder('e')];
    const snap = read(snapshotMessages(HEAD, orders));
    expect(snap).toMatchObject({
      rseq: 12,
      logId: 'log-A',
      now: T0,
      staleAfterSec: 60,
      heartbeatMs: 2000,
      keepTerminal: 7,
      lastSeq: { e1: 4 },
      skipped: 0,
    });
    expect(snap!.orders).toEqual(orders);
  });

  it('counts the orders of an unreadable block, and orders announced but never sent, as skipped', () => {
    const text = snapshotMessages(HEAD, [openOrder('a'), openOrder('b'), openOrder('c'), openOrder('d'), openOrder('e')]);
    const parts = messages(text);
    const reader = new SnapshotReader();
    reader.begin(parts[0]!.data);
    reader.add('{"n":2,"s":[');
    reader.add(parts[2]!.data);
    // The last block (order e) never comes.
    const snap = reader.end(parts[4]!.data);
    expect(snap!.orders.map((o) => o.client_order_id)).toEqual(['c', 'd']);
    expect(snap!.skipped).toBe(3);
  });

  it('refuses a head that is not v2, blocks without a head, and an end naming another rseq', () => {
    const reader = new SnapshotReader();
    expect(reader.begin(JSON.stringify({ ...HEAD, orders: [] }))).toBe(false);
    expect(reader.add(messages(snapshotMessages(HEAD, [openOrder('a')]))[1]!.data)).toBe(false);
    expect(reader.end('{"rseq":12}')).toBeNull();
    expect(reader.begin(JSON.stringify({ ...HEAD, v: 2, order_count: 0 }))).toBe(true);
    expect(reader.end('{"rseq":13}')).toBeNull();
    expect(reader.end('{"rseq":12}')).toBeNull();
  });

  it('drops an unfinished snapshot when a new one begins or its connection ends', () => {
    const reader = new SnapshotReader();
    const first = messages(snapshotMessages({ ...HEAD, rseq: 3 }, [openOrder('old')]));
    reader.begin(first[0]!.data);
    reader.add(first[1]!.data);
    const snap = read(snapshotMessages(HEAD, [openOrder('new')]), reader);
    expect(snap!.orders.map((o) => o.client_order_id)).toEqual(['new']);
    reader.begin(first[0]!.data);
    reader.add(first[1]!.data);
    reader.reset();
    expect(reader.end(first[2]!.data)).toBeNull();
  });
});
