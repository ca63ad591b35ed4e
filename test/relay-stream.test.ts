import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created, filled, moved } from './support/event-builders';
import { ndjson, openIngest, orderFlow, postEvents } from './support/relay-post';
import type { StreamItem } from './support/sse-client';
import { SseClient } from './support/sse-client';

interface Snapshot {
  rseq: number;
  now: number;
  orders: { client_order_id: string; status: string; filled_value: number }[];
  summary: { total_orders: number };
  anomalies: unknown[];
  anomaly_counts: Record<string, number>;
  last_seq: Record<string, number>;
  stale_after: number;
  heartbeat_ms: number;
}

describe('relay stream', () => {
  let relay: RunningRelay;
  const clients: SseClient[] = [];
  const open = async (options?: Parameters<typeof SseClient.open>[1], query = ''): Promise<SseClient> => {
    const client = await SseClient.open(`${relay.url}/api/stream${query}`, options);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', logSize: 50, heartbeatMs: 200, staleAfterSec: 120 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await relay.close();
  });

  it('starts with a snapshot, then streams accepted events in canonical wire form', async () => {
    await postEvents(relay.url, ndjson([created('a', { seq: 1, engine: 'e1' })]));
    const client = await open();
    const snapshot = await client.first<Snapshot>('snapshot');
    expect(snapshot).toMatchObject({ rseq: 1, stale_after: 120, heartbeat_ms: 200, last_seq: { e1: 1 }, summary: { total_orders: 1 } });
    expect(snapshot.orders.map((o) => o.client_order_id)).toEqual(['a']);
    // Head, one block of orders, and the end, which carries the rseq as the stream's id.
    expect(client.messages.slice(0, 3).map((m) => [m.event, m.id])).toEqual([
      ['snapshot', undefined],
      ['snapshot_orders', undefined],
      ['snapshot_end', '1'],
    ]);

    const before = Date.now();
    // A fill's totals exceed nothing; the ISO ts must come back as epoch seconds, engine filled in.
    const body = `{"type":"order_transition","client_order_id":"a","ts":"2025-11-23T00:00:01.500Z","seq":2,"engine":"e1","status":"OPEN","extra":1}\n`;
    await postEvents(relay.url, body + ndjson([filled('a', 400, { seq: 3, engine: 'e1' }), created('b')]));
    await client.reach(4);
    expect(client.rseqs).toEqual([2, 3, 4]);
    const [open2] = client.items as [StreamItem];
    expect(open2.event).toEqual({ type: 'order_transition', client_order_id: 'a', ts: 1763856001.5, seq: 2, engine: 'e1', status: 'OPEN' });
    expect(open2.at).toBeGreaterThanOrEqual(before - 1);
    expect(client.items[2]!.event.engine).toBe('');
    const events = client.messages.filter((m) => m.event === 'events');
    expect(events.at(-1)!.id).toBe('4');
  });

  it('never streams duplicates or rejected lines, but does stream events that raised anomalies', async () => {
    const client = await open();
    await client.first('snapshot');
    await postEvents(
      relay.url,
      ndjson([created('a', { seq: 5, engine: 'e' }), created('a', { seq: 5, engine: 'e' }), moved('zz', 'OPEN')]) + 'garbage\n',
    );
    await client.reach(2);
    expect(client.items.map((i) => [i.rseq, i.event.client_order_id])).toEqual([
      [1, 'a'],
      [2, 'zz'],
    ]);
  });

  it('sends heartbeats with the relay clock and the rseq the client has', async () => {
    // A relay whose clock reads a time no test machine has: the heartbeat must carry it exactly.
    await relay.close();
    const relayNow = Date.parse('2031-05-06T07:08:09Z');
    relay = await startRelay({ port: 0, logLevel: 'silent', heartbeatMs: 200, now: () => relayNow });
    await postEvents(relay.url, ndjson([created('a')]));
    const client = await open();
    const beat = await client.first<{ now: number; rseq: number }>('heartbeat', 5_000);
    expect(beat).toMatchObject({ now: relayNow, rseq: 1 });
  });

  it('resumes with only the missed events while the log has them', async () => {
    await postEvents(relay.url, ndjson(orderFlow(5)));
    const resumed = await open({ lastEventId: '7' });
    await resumed.reach(10);
    expect(resumed.messages.some((m) => m.event === 'snapshot')).toBe(false);
    expect(resumed.rseqs).toEqual([8, 9, 10]);
    // The query parameter works too (EventSource cannot set headers on a first connect).
    const byQuery = await open(undefined, '?last_event_id=10');
    await postEvents(relay.url, ndjson([created('late')]));
    await byQuery.reach(11);
    expect(byQuery.rseqs).toEqual([11]);
    expect(byQuery.messages.some((m) => m.event === 'snapshot')).toBe(false);
  });

  it('sends a fresh snapshot when the asked-for events left the log, or the id is from another relay', async () => {
    await postEvents(relay.url, ndjson(orderFlow(40))); // 80 events, log keeps 50
    const tooOld = await open({ lastEventId: '10' });
    const snapshot = await tooOld.first<Snapshot>('snapshot');
    expect(snapshot.rseq).toBe(80);
    expect(snapshot.orders).toHaveLength(40);
    const ahead = await open({ lastEventId: '5000' });
    expect((await ahead.first<Snapshot>('snapshot')).rseq).toBe(80);
    const junk = await open({ lastEventId: 'abc' });
    expect((await junk.first<Snapshot>('snapshot')).rseq).toBe(80);
    await postEvents(relay.url, ndjson([created('next')]));
    await tooOld.reach(81);
    expect(tooOld.rseqs).toEqual([81]);
  });

  it('names its rseq numbering (log_id) and resumes only within it', async () => {
    await postEvents(relay.url, ndjson(orderFlow(5)));
    const first = await open();
    const snapshot = await first.first<Snapshot & { log_id: string }>('snapshot');
    expect(snapshot.log_id).toMatch(/^[0-9a-f-]{36}$/);
    const beat = await first.first<{ log_id: string }>('heartbeat', 5_000);
    expect(beat.log_id).toBe(snapshot.log_id);
    const health = (await (await fetch(`${relay.url}/api/healthz`)).json()) as { log_id: string };
    expect(health.log_id).toBe(snapshot.log_id);
    // Same numbering: only the missed events.
    const same = await open({ lastEventId: '7' }, `?log_id=${snapshot.log_id}`);
    await same.reach(10);
    expect(same.rseqs).toEqual([8, 9, 10]);
    expect(same.messages.some((m) => m.event === 'snapshot')).toBe(false);
    // An rseq from another relay process's numbering: a snapshot, never this log's events 8–10.
    const other = await open({ lastEventId: '7' }, '?log_id=an-earlier-relay');
    expect((await other.first<Snapshot>('snapshot')).rseq).toBe(10);
  });

  it('gives a restarted relay a new log_id', async () => {
    const before = (await (await fetch(`${relay.url}/api/healthz`)).json()) as { log_id: string };
    const second = await startRelay({ port: 0, logLevel: 'silent' });
    try {
      const after = (await (await fetch(`${second.url}/api/healthz`)).json()) as { log_id: string };
      expect(after.log_id).not.toBe(before.log_id);
    } finally {
      await second.close();
    }
  });

  it('delivers each line of a long-lived POST before the body ends', async () => {
    const client = await open();
    await client.first('snapshot');
    const ingest = openIngest(relay.url);
    const events = orderFlow(3, 'stream-eng');
    for (let i = 0; i < events.length; i++) {
      ingest.write(ndjson([events[i]!]));
      await client.reach(i + 1);
    }
    expect(client.rseqs).toEqual([1, 2, 3, 4, 5, 6]);
    // A line split across two writes is applied once whole.
    const line = ndjson([created('split', { engine: 'stream-eng', seq: 100 })]);
    ingest.write(line.slice(0, 20));
    ingest.write(line.slice(20));
    await client.reach(7);
    const { status, reply } = await ingest.end();
    expect(status).toBe(200);
    expect(reply).toEqual({ accepted: 7, duplicates: 0, anomalies: 0, rejected: [] });
  });

  it('gives every one of 20 clients all 10,000 events, complete and in order', async () => {
    const readers = await Promise.all(Array.from({ length: 20 }, () => open()));
    await Promise.all(readers.map((r) => r.first('snapshot')));
    const events = orderFlow(5_000);
    // Several posts of different sizes, so fan-out batches vary.
    for (let start = 0, size = 37; start < events.length; start += size, size = size * 3 > 4000 ? 37 : size * 3) {
      const { reply } = await postEvents(relay.url, ndjson(events.slice(start, start + size)));
      expect(reply.rejected).toEqual([]);
    }
    await Promise.all(readers.map((r) => r.reach(10_000, 20_000)));
    const expected = Array.from({ length: 10_000 }, (_, i) => i + 1);
    for (const reader of readers) {
      expect(reader.rseqs).toEqual(expected);
      expect(reader.items[9_999]!.event.client_order_id).toBe('o4999');
    }
  });
});
