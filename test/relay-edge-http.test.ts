import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created } from './support/event-builders';
import { ndjson } from './support/relay-post';

/** A raw HTTP request on loopback: fetch may not set Host, an attacker's page effectively does. */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Uint8Array | string },
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(options.path, url), { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const NDJSON = { 'content-type': 'application/x-ndjson' };

describe('the HTTP edge (issue 13)', () => {
  let relay: RunningRelay;
  afterEach(async () => relay?.close());

  it('takes NDJSON and JSON only: a text/plain body (an HTML form, cross-site) is 415 and changes nothing', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const body = ndjson([created('form-1')]);
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const response = await raw(relay.url, {
        method: 'POST',
        path: '/api/events',
        headers: type === undefined ? {} : { 'content-type': type },
        body,
      });
      expect(response.status, String(type)).toBe(415);
      expect(JSON.parse(response.text).error).toContain('want application/x-ndjson or application/json');
    }
    expect(relay.state.log.lastRseq).toBe(0);
    const ok = await raw(relay.url, {
      method: 'POST',
      path: '/api/events',
      headers: { 'content-type': 'Application/X-NDJSON; charset=utf-8' },
      body,
    });
    expect(ok.status).toBe(200);
    expect(relay.state.book.orders.has('form-1')).toBe(true);
  });

  it('reads gzip as a stream, keeps the lines before a corrupt stream, refuses other encodings', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const zipped = gzipSync(ndjson([created('gz-1'), created('gz-2')]));
    const ok = await raw(relay.url, {
      method: 'POST',
      path: '/api/events',
      headers: { ...NDJSON, 'content-encoding': 'gzip' },
      body: zipped,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ accepted: 2 });

    // A good gzip of three lines whose tail is cut and garbled: the complete lines before it stay.
    const good = gzipSync(ndjson([created('gz-3'), created('gz-4'), created('gz-5')]));
    const corrupt = Buffer.concat([good.subarray(0, good.length - 12), Buffer.from('garbage-garbage')]);
    const bad = await raw(relay.url, {
      method: 'POST',
      path: '/api/events',
      headers: { ...NDJSON, 'content-encoding': 'gzip' },
      body: corrupt,
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toContain('could not be read');

    const br = await raw(relay.url, { method: 'POST', path: '/api/events', headers: { ...NDJSON, 'content-encoding': 'br' }, body: 'x' });
    expect(br.status).toBe(415);
    expect(JSON.parse(br.text).error).toContain('Content-Encoding "br"');
    expect(relay.state.book.orders.has('gz-1')).toBe(true);
  });

  it('counts decompressed bytes against the limits: a zip bomb is refused, not held', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', maxBodyBytes: 64 * 1024 });
    // 8 MiB of spaces inside a JSON array, about 8 KiB on the wire.
    const bomb = gzipSync(Buffer.concat([Buffer.from('['), Buffer.alloc(8 * 1024 * 1024, 0x20), Buffer.from(']')]));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const json = await raw(relay.url, {
      method: 'POST',
      path: '/api/events',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(json.status).toBe(413);
    // As NDJSON the same bomb is one overlong line: rejected and skipped, the line after it kept.
    const lineBomb = gzipSync(Buffer.concat([Buffer.alloc(8 * 1024 * 1024, 0x61), Buffer.from('\n' + ndjson([created('after-bomb')]))]));
    const lines = await raw(relay.url, {
      method: 'POST',
      path: '/api/events',
      headers: { ...NDJSON, 'content-encoding': 'gzip' },
      body: lineBomb,
    });
    expect(lines.status).toBe(200);
    expect(JSON.parse(lines.text)).toMatchObject({ accepted: 1, rejected: [{ line: 1 }] });
    expect(relay.state.book.orders.has('after-bomb')).toBe(true);
  });

  it('answers 421 to a Host it is not (DNS rebinding), unless --allowed-hosts names it', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', allowedHosts: ['desk.example'] });
    const port = new URL(relay.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1.evil.example', '127.0.0.1.nip.io']) {
      const response = await raw(relay.url, { path: '/api/orders', headers: { host } });
      expect(response.status, host).toBe(421);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`, `desk.example:${port}`, 'DESK.example']) {
      const response = await raw(relay.url, { path: '/api/orders', headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });

  it('refuses a state-changing request from another origin with 403, token or not', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', ingestToken: 'tok' });
    const body = ndjson([created('cross-1')]);
    const headers = { ...NDJSON, authorization: 'Bearer tok' };
    for (const origin of ['https://evil.example', 'null', `http://localhost:1`]) {
      const response = await raw(relay.url, { method: 'POST', path: '/api/events', headers: { ...headers, origin }, body });
      expect(response.status, origin).toBe(403);
    }
    expect(relay.state.log.lastRseq).toBe(0);
    const same = await raw(relay.url, { method: 'POST', path: '/api/events', headers: { ...headers, origin: relay.url }, body });
    expect(same.status).toBe(200);
    // Reads are not state changes: the page's own GETs carry no Origin anyway, a foreign one is CORS's job.
    expect((await raw(relay.url, { path: '/api/healthz', headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('auth on the side doors (issue 13)', () => {
  let relay: RunningRelay;
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'ow-edge-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Orderwatch</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'app-1.js.map'), '{"sources":["secret.ts"]}');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  afterEach(async () => relay?.close());

  it('with VIEW_TOKEN: /metrics needs it, healthz says only its status, source maps are never served', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', viewToken: 'view', distDir: dist });
    expect((await fetch(`${relay.url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${relay.url}/metrics`, { headers: { authorization: 'Bearer view' } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('orderwatch_');
    const bare = await fetch(`${relay.url}/api/healthz`);
    expect(bare.status).toBe(200);
    expect(await bare.json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${relay.url}/api/healthz?token=view`)).json()).toMatchObject({ status: 'ok', store: 'memory', clients: 0 });
    expect((await fetch(`${relay.url}/assets/app-1.js`)).status).toBe(200);
    const map = await fetch(`${relay.url}/assets/app-1.js.map?token=view`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
  });

  it('METRICS_TOKEN, when set, is the one /metrics takes', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent', viewToken: 'view', metricsToken: 'scrape' });
    expect((await fetch(`${relay.url}/metrics`, { headers: { authorization: 'Bearer view' } })).status).toBe(401);
    expect((await fetch(`${relay.url}/metrics`, { headers: { authorization: 'Bearer scrape' } })).status).toBe(200);
  });
});
