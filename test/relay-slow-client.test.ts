import type { IncomingMessage } from 'node:http';
import { get } from 'node:http';
import type { OrderEvent } from '../src/core/events';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { ndjson, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

const QUEUE_LIMIT = 256 * 1024;
/** Fat events (a 1 KiB reason, the longest the wire takes) so megabytes flow with few events. */
const REASON = 'r'.repeat(1_024);

function fatEvents(from: number, count: number): OrderEvent[] {
  const base = Date.UTC(2025, 10, 23);
  return Array.from({ length: count }, (_, i) => ({
    type: 'order_transition' as const,
    client_order_id: `ghost-${from + i}`,
    ts: base,
    engine: 'e',
    status: 'OPEN' as const,
    reason: REASON,
  }));
}

/** A stream reader that takes the headers and then stops reading. */
function openStalled(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      res.pause();
      resolve(res);
    });
    req.on('error', () => {});
    req.on('error', reject);
  });
}

describe('relay with a slow stream client', () => {
  let relay: RunningRelay;
  afterEach(async () => {
    await relay.close();
  });

  it('drops a client that stops reading, with a logged reason, while the others get everything', async () => {
    const logLines: string[] = [];
    relay = await startRelay({
      port: 0,
      clientQueueLimit: QUEUE_LIMIT,
      logLevel: 'info',
      logDestination: { write: (line: string) => void logLines.push(line) },
    });
    const fast = await Promise.all([1, 2, 3].map(() => SseClient.open(`${relay.url}/api/stream`)));
    await Promise.all(fast.map((c) => c.first('snapshot')));
    const stalled = await openStalled(`${relay.url}/api/stream`);
    stalled.on('error', () => {});

    // Kernel socket buffers absorb a few MB before the relay's own queue grows; keep posting
    // (bounded) until the relay gives up on the stalled reader.
    let sent = 0;
    while (relay.hub.dropped === 0 && sent < 20_000) {
      const { status } = await postEvents(relay.url, ndjson(fatEvents(sent, 20)));
      expect(status).toBe(200);
      sent += 20;
    }
    expect(relay.hub.dropped).toBe(1);
    expect(relay.hub.size).toBe(3);
    // Memory stays bounded: the queue never grew much past the limit (one message over at most).
    expect(relay.hub.maxBacklogSeen).toBeLessThan(QUEUE_LIMIT + 100 * 1024);
    const dropLine = logLines.map((l) => JSON.parse(l) as { msg: string; reason?: string }).find((l) => l.msg === 'stream client dropped');
    expect(dropLine?.reason).toMatch(/^slow client: \d+ bytes queued \(limit 262144\)$/);

    await postEvents(relay.url, ndjson(fatEvents(sent, 1)));
    await Promise.all(fast.map((c) => c.reach(sent + 1, 20_000)));
    for (const client of fast) expect(client.rseqs).toEqual(Array.from({ length: sent + 1 }, (_, i) => i + 1));
    for (const client of fast) client.close();
    stalled.destroy();
  });
});
