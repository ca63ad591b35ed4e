import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { ndjson, orderFlow } from './support/relay-post';

const INGEST = 'ingest-secret-1';
const VIEW = 'view-secret-2';
/** Strings that identify orders: none may appear in anything served without the view token. */
const SECRET_ORDER = { id: 'coid-secret-2', symbol: 'BTC-USD', engine: 'eng-secret' };

/**
 * What is public with both tokens set (docs/benchmarks.md, "Tokens"): hashed static assets (code,
 * no data), /api/healthz (status, uptime, counters) and /metrics (aggregate counters for a
 * scraper). Everything that carries order data, and the page that would show it, needs VIEW_TOKEN;
 * ingest needs INGEST_TOKEN as a header only.
 */
describe('tokens: with INGEST_TOKEN and VIEW_TOKEN set, nothing without them gets order data', () => {
  let relay: RunningRelay;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ow-tokens-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script src="/assets/app-1.js"></script>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log("app")');
    relay = await startRelay({ port: 0, logLevel: 'silent', ingestToken: INGEST, viewToken: VIEW, distDir: dist });
    const events = orderFlow(3, SECRET_ORDER.engine, 1, 'coid-secret-');
    const response = await fetch(`${relay.url}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST}`, 'content-type': 'application/x-ndjson' },
      body: ndjson(events),
    });
    expect(response.status).toBe(200);
  });
  afterAll(async () => {
    await relay?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const leaks = (text: string): string[] => Object.values(SECRET_ORDER).filter((s) => text.includes(s));

  const viewRoutes = ['/', '/index.html', '/wall', '/orders/coid-secret-2', '/api/orders', '/api/stream'];
  const wrongCredentials: [string, Record<string, string>, string][] = [
    ['no token', {}, ''],
    ['the ingest token', { authorization: `Bearer ${INGEST}` }, `?token=${INGEST}`],
    ['a wrong token', { authorization: 'Bearer nope' }, '?token=nope'],
    ['an empty bearer', { authorization: 'Bearer ' }, '?token='],
    ['a token prefix', { authorization: `Bearer ${VIEW.slice(0, -1)}` }, `?token=${VIEW}x`],
    ['basic auth', { authorization: `Basic ${Buffer.from(`u:${VIEW}`).toString('base64')}` }, ''],
  ];

  it.each(viewRoutes)('GET %s is refused with 401 and no data for every wrong credential', async (route) => {
    for (const [name, headers, query] of wrongCredentials) {
      const response = await fetch(`${relay.url}${route}${query}`, { headers });
      const body = await response.text();
      expect(response.status, `${route} with ${name}`).toBe(401);
      expect(leaks(body), `${route} with ${name}`).toEqual([]);
    }
  });

  it('the view token opens the page, the orders and the stream, as header or ?token=', async () => {
    for (const [headers, query] of [
      [{ authorization: `Bearer ${VIEW}` }, ''],
      [{}, `?token=${VIEW}`],
    ] as const) {
      expect((await fetch(`${relay.url}/${query}`, { headers })).status).toBe(200);
      const orders = await fetch(`${relay.url}/api/orders${query}`, { headers });
      expect(orders.status).toBe(200);
      expect(await orders.text()).toContain(SECRET_ORDER.id);
      const abort = new AbortController();
      const stream = await fetch(`${relay.url}/api/stream${query}`, { headers, signal: abort.signal });
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
      abort.abort();
    }
  });

  it('public routes carry no order identifiers: assets and a bare healthz; /metrics needs the view token and names engines, never orders', async () => {
    const asset = await fetch(`${relay.url}/assets/app-1.js`);
    expect(asset.status).toBe(200);
    const health = await fetch(`${relay.url}/api/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    for (const [name, headers] of wrongCredentials) expect((await fetch(`${relay.url}/metrics`, { headers })).status, name).toBe(401);
    const metrics = await fetch(`${relay.url}/metrics`, { headers: { authorization: `Bearer ${VIEW}` } });
    expect(metrics.status).toBe(200);
    // Engine health is per engine in /metrics (issue 16): the engine's name is a label there; no order id or symbol is.
    const text = await metrics.text();
    expect(leaks(text).filter((s) => s !== SECRET_ORDER.engine)).toEqual([]);
    expect(text).toContain(`orderwatch_engine_events_total{engine="${SECRET_ORDER.engine}"}`);
  });

  it('ingest is refused without the ingest token (the view token, a query token or none), and changes nothing', async () => {
    const viewHeaders = { authorization: `Bearer ${VIEW}` };
    const before = await (await fetch(`${relay.url}/api/healthz`, { headers: viewHeaders })).json();
    const body = ndjson(orderFlow(1, 'eng-intruder', 1, 'intruder-'));
    const attempts: [string, Record<string, string>, string][] = [
      ['none', {}, ''],
      ['view token', { authorization: `Bearer ${VIEW}` }, ''],
      ['query token', {}, `?token=${INGEST}`],
      ['wrong token', { authorization: 'Bearer x' }, ''],
    ];
    for (const [name, headers, query] of attempts) {
      const response = await fetch(`${relay.url}/api/events${query}`, { method: 'POST', headers, body });
      expect(response.status, name).toBe(401);
    }
    expect(await (await fetch(`${relay.url}/api/healthz`, { headers: viewHeaders })).json()).toMatchObject({
      rseq: (before as { rseq: number }).rseq,
    });
    const orders = await (await fetch(`${relay.url}/api/orders`, { headers: { authorization: `Bearer ${VIEW}` } })).text();
    expect(orders).not.toContain('intruder-');
  });
});
