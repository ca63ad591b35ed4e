import type { IncomingMessage } from 'node:http';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { eventually } from './support/eventually';
import { moved } from './support/event-builders';
import { fatOrder, longId, longReason, postInBatches } from './support/fat-book';
import { SseClient } from './support/sse-client';
import { openStalled } from './support/stalled-reader';

/** 12,000 orders of ~1.2 KB each in a snapshot: ~15 MB, more than loopback socket buffers take. */
const ORDERS = 12_000;
const TOTAL = 3 * 1024 * 1024;

describe('stream memory bounded in bytes', () => {
  let relay: RunningRelay;
  const stalled: IncomingMessage[] = [];
  beforeAll(async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', heartbeatMs: 100, clientQueueLimit: 256 * 1024, streamBytesTotal: TOTAL });
    await postInBatches(relay.url, Array.from({ length: ORDERS }, (_, i) => fatOrder(i)).flat());
  });
  afterAll(async () => {
    for (const s of stalled) s.destroy();
    await relay.close();
  });

  it('drops the largest backlogs first once all clients together pass --stream-bytes-total', async () => {
    const before = { ...relay.hub.drops };
    for (let i = 0; i < 6; i++) stalled.push(await openStalled(`${relay.url}/api/stream`));
    const reader = await SseClient.open(`${relay.url}/api/stream`);
    await eventually(() => relay.hub.drops.total > before.total, 'a drop for the total', 20_000);
    expect(relay.hub.queuedBytes).toBeLessThanOrEqual(TOTAL + 1024 * 1024);
    // The one that reads is never the largest backlog: it gets the whole book.
    const snapshot = await reader.first<{ orders: unknown[] }>('snapshot', 30_000);
    expect(snapshot.orders).toHaveLength(ORDERS);
    reader.close();
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderwatch_stream_clients_dropped_total\{reason="total"\} [1-9]/m);
    expect(metrics).toMatch(/^orderwatch_stream_queued_bytes \d+$/m);
  });

  it('drops a reader that takes nothing mid-snapshot after a few heartbeats, and frees its queue', async () => {
    for (const s of stalled.splice(0)) s.destroy();
    await eventually(() => relay.hub.size === 0, 'the earlier clients gone');
    const before = relay.hub.drops.stalled;
    stalled.push(await openStalled(`${relay.url}/api/stream`));
    await eventually(() => relay.hub.size === 1 && relay.hub.queuedBytes > 0, 'the stalled client has bytes queued');
    await eventually(() => relay.hub.drops.stalled === before + 1, 'the stalled client dropped', 20_000);
    expect(relay.hub.size).toBe(0);
    expect(relay.hub.queuedBytes).toBe(0);
    // The relay is fine: the next client gets everything, and the live events after it.
    const reader = await SseClient.open(`${relay.url}/api/stream`);
    await reader.first('snapshot', 30_000);
    const next = ORDERS * 2 + 1;
    await postInBatches(relay.url, [moved(longId(0), 'CANCELED', { reason: longReason(0) })]);
    await reader.reach(next);
    reader.close();
  });
});

describe('the resume log bounded in bytes', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
  });

  it('keeps at most --log-bytes of events; live clients lose none and a resume from before gets a snapshot', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', logBytes: 1024 * 1024 });
    const live = await SseClient.open(`${relay.url}/api/stream`);
    await live.first('snapshot');
    await postInBatches(relay.url, Array.from({ length: 3_000 }, (_, i) => fatOrder(i)).flat());
    const log = relay.state.log;
    expect(log.bytesHeld).toBeLessThanOrEqual(1024 * 1024);
    // ~750 bytes an event on average: about 1,400 of the 6,000 fit.
    expect(log.firstRseq).toBeGreaterThan(4_000);
    await live.reach(6_000);
    expect(live.rseqs).toEqual(Array.from({ length: 6_000 }, (_, i) => i + 1));
    const resumed = await SseClient.open(`${relay.url}/api/stream`, { lastEventId: '10' });
    const snapshot = await resumed.first<{ orders: unknown[]; rseq: number }>('snapshot');
    expect(snapshot).toMatchObject({ rseq: 6_000 });
    expect(snapshot.orders).toHaveLength(3_000);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^orderwatch_log_bytes ${log.bytesHeld}$`, 'm'));
    live.close();
    resumed.close();
  });
});
