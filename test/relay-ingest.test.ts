import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created, filled, moved } from './support/event-builders';
import { ndjson, openIngest, orderFlow, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

describe('relay ingest', () => {
  let relay: RunningRelay;
  afterEach(async () => {
    await relay.close();
  });

  it('keeps the good lines around malformed ones and numbers each rejection', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const body = [
      ndjson([created('a', { seq: 1, engine: 'e' })]).trim(),
      '{"type":"order_created","client_order_id":"b"',
      '',
      '[1,2]',
      '{"type":"order_fill","client_order_id":"a","ts":"yesterday","filled_size":1,"filled_value":1,"fees":0}',
      ndjson([moved('a', 'OPEN', { seq: 2, engine: 'e' })]).trim(),
      ndjson([created('a', { seq: 2, engine: 'e' })]).trim(),
      ndjson([filled('ghost', 10, { seq: 3, engine: 'e' })]).trim(),
    ].join('\r\n');
    const { status, reply } = await postEvents(relay.url, body);
    expect(status).toBe(200);
    expect(reply.accepted).toBe(3);
    expect(reply.duplicates).toBe(1);
    expect(reply.anomalies).toBe(1);
    expect(reply.rejected.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(reply.rejected[0]!.error).toMatch(/invalid JSON/);
    expect(reply.rejected[1]!.error).toMatch(/not a JSON object/);
    expect(reply.rejected[2]!.error).toMatch(/^ts: unreadable timestamp/);
    expect(relay.state.log.lastRseq).toBe(3);
    expect(relay.state.book.orders.get('a')!.status).toBe('OPEN');
  });

  it('takes a JSON array and numbers rejected items by index + 1', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const items = [
      { type: 'order_created', client_order_id: 'j', ts: 1763856000, symbol: 'ETH-USD', side: 'sell', size_usd: 50, route: 'paper' },
      { type: 'nope' },
      42,
    ];
    const { status, reply } = await postEvents(relay.url, JSON.stringify(items), { 'content-type': 'application/json' });
    expect(status).toBe(200);
    expect(reply).toMatchObject({ accepted: 1, duplicates: 0, anomalies: 0 });
    expect(reply.rejected.map((r) => r.line)).toEqual([2, 3]);
    const bad = await postEvents(relay.url, '[{"type":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.reply.rejected[0]).toMatchObject({ line: 1 });
  });

  it('answers 400 when nothing in the body was acceptable, 200 for a retried (duplicate) batch', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const garbage = await postEvents(relay.url, 'x\ny\n');
    expect(garbage.status).toBe(400);
    expect(garbage.reply).toMatchObject({ accepted: 0, duplicates: 0, rejected: [{ line: 1 }, { line: 2 }] });
    expect((await postEvents(relay.url, '')).status).toBe(400);
    const batch = ndjson(orderFlow(2));
    expect((await postEvents(relay.url, batch)).status).toBe(200);
    const retried = await postEvents(relay.url, batch);
    expect(retried.status).toBe(200);
    expect(retried.reply).toMatchObject({ accepted: 0, duplicates: 4 });
  });

  it('requires the ingest token when one is set, without leaking it to views', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', ingestToken: 's3cret' });
    const line = ndjson([created('a')]);
    expect((await fetch(`${relay.url}/api/events`, { method: 'POST', body: line })).status).toBe(401);
    expect((await postEvents(relay.url, line, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await postEvents(relay.url, line, { authorization: 'Bearer s3cret-and-more' })).status).toBe(401);
    // The query parameter is for views only: an ingest token never rides in a URL.
    expect((await fetch(`${relay.url}/api/events?token=s3cret`, { method: 'POST', body: line })).status).toBe(401);
    expect(relay.state.log.lastRseq).toBe(0);
    expect((await postEvents(relay.url, line, { authorization: 'Bearer s3cret' })).status).toBe(200);
    expect(relay.state.log.lastRseq).toBe(1);
  });

  it('refuses a declared body over the limit before reading it', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxBodyBytes: 2_000 });
    const body = ndjson(orderFlow(20));
    expect(body.length).toBeGreaterThan(2_000);
    const { status, reply } = await postEvents(relay.url, body);
    expect(status).toBe(413);
    expect(reply.accepted).toBe(0);
    expect(relay.state.log.lastRseq).toBe(0);
  });

  it('lets a streamed NDJSON POST run past the size limit (nothing is held) and limits its lines instead', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxBodyBytes: 2_000 });
    const stream = await SseClient.open(`${relay.url}/api/stream`);
    await stream.first('snapshot');
    const lines = orderFlow(60).map((e) => ndjson([e]));
    expect(lines.join('').length).toBeGreaterThan(3 * 2_000);
    const ingest = openIngest(relay.url);
    ingest.write(lines.slice(0, 3).join(''));
    await stream.reach(3);
    ingest.write(lines.slice(3, 60).join(''));
    ingest.write(`{"type":"order_created","pad":"${'x'.repeat(2_100)}"}\n`);
    ingest.write(lines.slice(60).join(''));
    const { status, reply } = await ingest.end();
    expect(status).toBe(200);
    expect(reply.accepted).toBe(lines.length);
    expect(reply.rejected).toEqual([{ line: 61, error: 'line longer than 2000 bytes' }]);
    await stream.reach(lines.length);
    expect(stream.rseqs).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1));
    stream.close();
  });

  it('stops reading a streamed JSON array at the limit (it must be held whole) and answers 413', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxBodyBytes: 2_000 });
    const ingest = openIngest(relay.url, { 'content-type': 'application/json' });
    ingest.write(
      `[${orderFlow(20)
        .map((e) => JSON.stringify(e))
        .join(',')}]`,
    );
    const { status, reply } = await ingest.end();
    expect(status).toBe(413);
    expect(reply.accepted).toBe(0);
    expect(reply.error).toMatch(/larger than 2000 bytes/);
    expect(relay.state.log.lastRseq).toBe(0);
  });
});
