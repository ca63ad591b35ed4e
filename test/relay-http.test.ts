import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { CONTENT_SECURITY_POLICY } from '../src/server/security-headers';
import { created, filled, moved } from './support/event-builders';
import { ndjson, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('relay HTTP surface', () => {
  let relay: RunningRelay;
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'orderwatch-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Orderwatch</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  afterEach(async () => {
    await relay.close();
  });

  it('serves the built page with security headers, falls back to it for client routes, 404s unknown assets and APIs', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', distDir: dist });
    const page = await fetch(`${relay.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Orderwatch</title>');
    expectSecurityHeaders(page);
    const asset = await fetch(`${relay.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(asset);
    expect(await (await fetch(`${relay.url}/wall`)).text()).toContain('<title>Orderwatch</title>');
    expect((await fetch(`${relay.url}/assets/missing.js`)).status).toBe(404);
    const unknownApi = await fetch(`${relay.url}/api/nope`);
    expect(unknownApi.status).toBe(404);
    expectSecurityHeaders(unknownApi);
    expectSecurityHeaders(await fetch(`${relay.url}/api/healthz`));
  });

  it('says how to build the page when dist/ is missing', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', distDir: join(dist, 'not-there') });
    const response = await fetch(`${relay.url}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
    expectSecurityHeaders(response);
  });

  it('guards page, stream and orders with VIEW_TOKEN (header or ?token=), not assets or health', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', distDir: dist, viewToken: 'v1ew' });
    for (const path of ['/', '/wall', '/api/stream', '/api/orders']) {
      expect((await fetch(`${relay.url}${path}`)).status, path).toBe(401);
      expect((await fetch(`${relay.url}${path}?token=wrong`)).status, path).toBe(401);
    }
    expect((await fetch(`${relay.url}/?token=v1ew`)).status).toBe(200);
    expect((await fetch(`${relay.url}/api/orders`, { headers: { authorization: 'Bearer v1ew' } })).status).toBe(200);
    const stream = await SseClient.open(`${relay.url}/api/stream?token=v1ew`);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.first('snapshot');
    stream.close();
    expect((await fetch(`${relay.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${relay.url}/api/healthz`)).status).toBe(200);
  });

  it('reports orders as the replay CLI does, plus rseq, with a stale_after override', async () => {
    const now = Date.UTC(2025, 10, 23, 0, 10);
    relay = await startRelay({ port: 0, logLevel: 'silent', now: () => now, staleAfterSec: 300 });
    await postEvents(
      relay.url,
      ndjson([created('old'), moved('old', 'OPEN'), created('done'), moved('done', 'OPEN'), filled('done', 1000)]) + 'junk\n',
    );
    const report = (await (await fetch(`${relay.url}/api/orders`)).json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      rseq: 5,
      stale: ['old'],
      rejected_lines: 1,
      duplicates: 0,
      summary: { total_orders: 2, active_orders: 1 },
    });
    expect((report.orders as { client_order_id: string; status: string }[]).map((o) => [o.client_order_id, o.status])).toEqual([
      ['old', 'OPEN'],
      ['done', 'FILLED'],
    ]);
    const relaxed = (await (await fetch(`${relay.url}/api/orders?stale_after=3600`)).json()) as { stale: string[] };
    expect(relaxed.stale).toEqual([]);
    expect((await fetch(`${relay.url}/api/orders?stale_after=soon`)).status).toBe(400);
  });

  it('reports health and Prometheus metrics', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    await postEvents(
      relay.url,
      ndjson([created('a', { seq: 1, engine: 'e' }), created('a', { seq: 1, engine: 'e' }), filled('b', 5)]) + 'bad\n',
    );
    const stream = await SseClient.open(`${relay.url}/api/stream`);
    await stream.first('snapshot');
    const health = (await (await fetch(`${relay.url}/api/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', rseq: 2, clients: 1 });
    expect(typeof health.uptime_s).toBe('number');
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderwatch_events_accepted_total 2$/m);
    expect(metrics).toMatch(/^orderwatch_events_rejected_total 1$/m);
    expect(metrics).toMatch(/^orderwatch_events_duplicate_total 1$/m);
    expect(metrics).toMatch(/^orderwatch_anomalies_total\{kind="unknown_order"\} 1$/m);
    expect(metrics).toMatch(/^orderwatch_anomalies_total\{kind="overfill"\} 0$/m);
    expect(metrics).toMatch(/^orderwatch_orders\{status="NEW"\} 1$/m);
    // Created in 2025 by the test clock, so older than 300 s by the relay clock.
    expect(metrics).toMatch(/^orderwatch_orders_stale 1$/m);
    expect(metrics).toMatch(/^orderwatch_stream_clients 1$/m);
    expect(metrics).toMatch(/^orderwatch_stream_bytes_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^orderwatch_ingest_to_send_seconds_count \d+$/m);
    // Counters mirror totals without double counting across scrapes.
    const again = await (await fetch(`${relay.url}/metrics`)).text();
    expect(again).toMatch(/^orderwatch_events_accepted_total 2$/m);
    stream.close();
  });

  it('cleans up terminal orders beyond keepTerminal once past the slack, at the event that crosses it, leaving active ones', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', keepTerminal: 1 });
    const done = (id: string, at: number) => [created(id), moved(id, 'OPEN'), filled(id, 1000, { ts: at })];
    const finished = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => done(`t${from + i}`, 1e12 + from + i)).flat();
    // keep 1 + slack 1,000: the 1,001st finished order is still kept, the 1,002nd triggers cleanup.
    await postEvents(relay.url, ndjson([created('active'), ...finished(0, 1_001)]));
    expect(relay.state.book.terminalLog).toHaveLength(1_001);
    await postEvents(relay.url, ndjson(finished(1_001, 1_002)));
    expect([...relay.state.book.orders.keys()].sort()).toEqual(['active', 't1001']);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderwatch_orders_evicted_total 1001$/m);
  });
});
