import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { MAX_HEAD_BYTES } from '../src/protocol/snapshot-messages';
import { MAX_MESSAGE_BYTES } from '../src/protocol/stream-messages';
import { moved } from './support/event-builders';
import { fatOrder, longId, longReason, postInBatches } from './support/fat-book';
import { SseClient } from './support/sse-client';

interface AnomalyPage {
  anomalies: { client_order_id: string }[];
  first: number;
  held_from: number;
  total: number;
}

const bytes = (text: string): number => Buffer.byteLength(text);

function largestMessage(client: SseClient): number {
  return Math.max(...client.messages.map((m) => bytes(m.data)));
}

describe('snapshots that never blind a dashboard', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('bounds the head with 100,000 anomalies and serves the older ones page by page', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    // Fills for orders never created: one unknown_order anomaly each, with a 128-byte id.
    const ghosts = Array.from({ length: 100_000 }, (_, i) => moved(longId(i), 'OPEN', { reason: 'x' }));
    await postInBatches(relay.url, ghosts, 20_000);
    expect(relay.state.book.anomalyTotal).toBe(100_000);

    const client = await SseClient.open(`${relay.url}/api/stream`);
    const snapshot = await client.first<{ order_count: number }>('snapshot');
    const headText = client.messages.find((m) => m.event === 'snapshot')!.data;
    const head = JSON.parse(headText) as { anomalies: { client_order_id: string }[]; anomalies_first: number; anomalies_held: number };
    expect(bytes(headText)).toBeLessThanOrEqual(MAX_HEAD_BYTES);
    expect(head.anomalies.length).toBeGreaterThan(100);
    // The newest ones, numbered so the rest can be asked for.
    expect(head.anomalies.at(-1)!.client_order_id).toBe(longId(99_999));
    expect(head.anomalies_first).toBe(100_000 - head.anomalies.length + 1);
    expect(head.anomalies_held).toBe(10_000);
    expect(snapshot.order_count).toBe(0);

    // Paging back from the head reaches every anomaly the relay holds, contiguous, none twice.
    let before = head.anomalies_first;
    let seen = head.anomalies.length;
    for (let pages = 0; pages < 100; pages++) {
      const response = await fetch(`${relay.url}/api/anomalies?before=${before}&limit=1000`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(bytes(text)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES + 200);
      const page = JSON.parse(text) as AnomalyPage;
      if (page.anomalies.length === 0) break;
      expect(page.first + page.anomalies.length).toBe(before);
      expect(page.anomalies.at(-1)!.client_order_id).toBe(longId(before - 2));
      seen += page.anomalies.length;
      before = page.first;
    }
    expect(before).toBe(90_001);
    expect(seen).toBe(10_000);
    expect((await fetch(`${relay.url}/api/anomalies?before=x`)).status).toBe(400);
    expect((await fetch(`${relay.url}/api/anomalies?limit=100000`)).status).toBe(400);
    client.close();
  });

  it('splits blocks and catch-up pages at 1 MiB and writes a multi-megabyte snapshot to a client with a 64 KiB queue', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', clientQueueLimit: 64 * 1024 });
    const orders = 6_000;
    await postInBatches(relay.url, Array.from({ length: orders }, (_, i) => fatOrder(i)).flat());

    const client = await SseClient.open(`${relay.url}/api/stream`);
    const snapshot = await client.first<{ orders: { client_order_id: string; history: { reason?: string }[] }[] }>('snapshot', 30_000);
    expect(snapshot.orders).toHaveLength(orders);
    expect(snapshot.orders[4_321]!.history.at(-1)!.reason).toBe(longReason(4_321));
    const blocks = client.messages.filter((m) => m.event === 'snapshot_orders').map((m) => m.data);
    expect(blocks.reduce((sum, b) => sum + bytes(b), 0)).toBeGreaterThan(6 * MAX_MESSAGE_BYTES);
    expect(largestMessage(client)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(relay.hub.dropped).toBe(0);

    // Catch-up from the start: 2,000-event pages of 1.3 KB events, each split under the bound.
    const resumed = await SseClient.open(`${relay.url}/api/stream`, { lastEventId: '0' });
    await resumed.reach(2 * orders, 30_000);
    expect(resumed.rseqs).toEqual(Array.from({ length: 2 * orders }, (_, i) => i + 1));
    expect(resumed.messages.filter((m) => m.event === 'events').length).toBeGreaterThan(6);
    expect(largestMessage(resumed)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(relay.hub.dropped).toBe(0);
    client.close();
    resumed.close();
  });
});
