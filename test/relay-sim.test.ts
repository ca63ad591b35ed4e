import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isActive } from '../src/core/status';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { SseClient } from './support/sse-client';
import { eventually } from './support/eventually';

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

describe('the paper engine across a restart with its journal (issue 15)', { timeout: 60_000 }, () => {
  let relay: RunningRelay | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-sim-'));
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues with new ids and seqs (no duplicates) and closes the orders it left working', async () => {
    const options = { port: 0, logLevel: 'silent' as const, sim: true, simRate: 400, seed: 3, dataDir: dir };
    relay = await startRelay(options);
    await eventually(() => relay!.state.log.lastRseq >= 400, 'the paper engine’s first 400 events');
    await relay.close();
    const first = relay.state.book;
    const leftWorking = [...first.orders.values()].filter((o) => isActive(o.status)).map((o) => o.client_order_id);
    const firstIds = new Set(first.orders.keys());
    const before = { rseq: relay.state.log.lastRseq, duplicates: first.duplicates, duplicateOrders: first.anomalyCounts.duplicate_order };
    expect(leftWorking.length).toBeGreaterThan(0);

    relay = await startRelay(options);
    const book = relay.state.book;
    await eventually(() => relay!.state.log.lastRseq >= before.rseq + 400, '400 more events after the restart');
    // Every event of the new run was taken: none is a duplicate of the old run's seqs or ids.
    expect(book.duplicates).toBe(before.duplicates);
    expect(book.anomalyCounts.duplicate_order).toBe(before.duplicateOrders);
    const created = [...book.orders.keys()].filter((id) => !firstIds.has(id));
    expect(created.length).toBeGreaterThan(10);
    // The earlier run's working orders were closed, not left to turn stale.
    for (const id of leftWorking) {
      const order = book.orders.get(id);
      if (order === undefined) continue; // finished and cleaned up
      expect(isActive(order.status), `${id} ${order.status}`).toBe(false);
      expect(order.history.at(-1)?.reason).toBe('paper engine restarted');
    }
  });
});
