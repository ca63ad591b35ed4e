import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { SseClient } from './support/sse-client';

describe('relay with the paper engine', { timeout: 60_000 }, () => {
  let relay: RunningRelay;
  afterEach(async () => {
    await relay.close();
  });

  it('feeds the stream through the authenticated ingest path', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', sim: true, simRate: 200, seed: 3, ingestToken: 'tok' });
    const stream = await SseClient.open(`${relay.url}/api/stream`);
    await stream.first('snapshot');
    await stream.reach(50, 40_000);
    expect(relay.state.totals.rejected).toBe(0);
    const kinds = new Set(stream.items.map((i) => i.event.type));
    expect(kinds.has('order_created')).toBe(true);
    // Went through POST /api/events: the metrics count them as accepted ingest.
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(Number(/^orderwatch_events_accepted_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(50);
    stream.close();
  });
});
