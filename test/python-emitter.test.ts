import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrderJson } from '../src/protocol/order-json';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../examples/python');
const TOKEN = 'python-test-token';

/**
 * A trading loop in miniature: three orders through the engine's hook points, including an
 * OrderStatus-like enum and a naive datetime (UTC), then flush and print the stats.
 */
const SCRIPT = `
import datetime, enum, json, os, sys
from orderwatch_emitter import OrderwatchEmitter

class OrderStatus(enum.Enum):
    OPEN = "open"
    CANCELED = "canceled"

em = OrderwatchEmitter(os.environ["OW_URL"], token=os.environ.get("OW_TOKEN"), engine="py-engine",
                       initial_backoff=0.1, max_backoff=0.4, seq_start=1)
em.order_created("py_a", "BTC-USD", "buy", 1000.0, "live", ts=datetime.datetime(2026, 3, 2, 9, 0, 0))
em.transition("py_a", OrderStatus.OPEN, order_id="exch_1")
em.fill("py_a", 0.004, 400.0, 0.24)
em.fill("py_a", 0.01, 1000.0, 0.6)
em.order_created("py_b", "ETH-USD", "sell", 250.0, "paper")
em.transition("py_b", "OPEN")
em.transition("py_b", OrderStatus.CANCELED, reason="strategy exit")
em.order_created("py_c", "SOL-USD", "buy", 50.0, "live")
em.transition("py_c", "REJECTED", reason="insufficient funds")
em.fill("py_c", float("nan"), 1.0)  # must be counted, not raised into the trading loop
ok = em.flush(timeout=float(os.environ.get("OW_FLUSH_S", "8")))
stats = em.stats()
em.close(timeout=1)
print(json.dumps({"flushed": ok, **stats}))
`;

interface EmitterStats {
  flushed: boolean;
  sent: number;
  dropped: number;
  invalid: number;
  failures: number;
  posts: number;
  queued: number;
}

/** Runs the script with python3; fails (rather than hangs) after `timeoutMs`. */
function runPython(
  url: string,
  options: { timeoutMs?: number; env?: Record<string, string>; script?: string } = {},
): Promise<EmitterStats & { rejected: number; log: string }> {
  const { timeoutMs = 15_000, env = {}, script = SCRIPT } = options;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('python3', ['-c', script], {
      env: { ...process.env, PYTHONPATH: EXAMPLES, OW_URL: url, OW_TOKEN: TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`python3 exited ${code}: ${err}`));
      else resolvePromise({ ...(JSON.parse(out.trim().split('\n').pop()!) as EmitterStats & { rejected: number }), log: err });
    });
  });
}

/**
 * A front before the relay that answers the first `refuse` requests itself with `status` and
 * `body`, then passes requests through. Close it with `close()`.
 */
async function refusingFront(
  target: string,
  refuse: number,
  status: number,
  body: string,
): Promise<{ url: string; refused: () => number; close: () => Promise<void> }> {
  let refused = 0;
  const front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (refused < refuse) {
        refused++;
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
        return;
      }
      const headers = { 'content-type': req.headers['content-type'] ?? '', authorization: req.headers.authorization ?? '' };
      fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) })
        .then(async (reply) => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(await reply.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((ready) => front.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    refused: () => refused,
    close: () => new Promise((done) => front.close(() => done())),
  };
}

async function ordersOf(relay: RunningRelay): Promise<Map<string, OrderJson>> {
  const response = await fetch(`${relay.url}/api/orders`);
  const body = (await response.json()) as { orders: OrderJson[] };
  return new Map(body.orders.map((o) => [o.client_order_id, o]));
}

function expectDelivered(orders: Map<string, OrderJson>): void {
  const a = orders.get('py_a');
  expect(a?.status).toBe('FILLED');
  expect(a?.engine).toBe('py-engine');
  expect(a?.order_id).toBe('exch_1');
  expect(a?.created_at).toBe('2026-03-02T09:00:00.000Z');
  expect(a?.fills.map((f) => f.filled_value)).toEqual([400, 1000]);
  expect(a?.history.map((h) => h.to)).toEqual(['OPEN', 'PARTIAL_FILL', 'FILLED']);
  expect(orders.get('py_b')?.status).toBe('CANCELED');
  expect(orders.get('py_b')?.history.at(-1)?.reason).toBe('strategy exit');
  expect(orders.get('py_c')?.status).toBe('REJECTED');
}

const quietRelay = (port = 0): Promise<RunningRelay> =>
  startRelay({ port, host: '127.0.0.1', sim: false, ingestToken: TOKEN, logLevel: 'silent', heartbeatMs: 60_000 });

describe('python emitter against a real relay', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('delivers each order with the right state, with the token', async () => {
    relay = await quietRelay();
    const stats = await runPython(relay.url);
    expect(stats).toMatchObject({ flushed: true, sent: 9, dropped: 0, invalid: 1, failures: 0, queued: 0 });
    expectDelivered(await ordersOf(relay));
    expect(relay.state.book.anomalyTotal).toBe(0);
  });

  it('sends an engine_heartbeat when it has had nothing to send for heartbeat_s, so a quiet engine stays alive', async () => {
    relay = await quietRelay();
    const script = `
import json, os, time
from orderwatch_emitter import OrderwatchEmitter
em = OrderwatchEmitter(os.environ["OW_URL"], token=os.environ.get("OW_TOKEN"), engine="py-quiet", seq_start=1, heartbeat_s=0.2)
em.order_created("py_q", "BTC-USD", "buy", 10.0, "live")
em.flush(timeout=5)
time.sleep(1.0)
ok = em.flush(timeout=5)
stats = em.stats()
em.close(timeout=1)
print(json.dumps({"flushed": ok, **stats}))
`;
    const stats = await runPython(relay.url, { script });
    const heartbeats = (stats as unknown as { heartbeats: number }).heartbeats;
    expect(heartbeats).toBeGreaterThanOrEqual(1);
    expect(stats).toMatchObject({ flushed: true, sent: 1 + heartbeats, dropped: 0, invalid: 0 });
    const created = relay.state.book.orders.get('py_q')!.created_at;
    // The engine's latest word is a heartbeat after its order; no order was made of it.
    expect(relay.state.book.engines.get('py-quiet')).toBeGreaterThan(created);
    expect(relay.state.book.orders.size).toBe(1);
    expect(relay.state.book.anomalyTotal).toBe(0);
  });

  it('retries through 503s from a busy relay without losing or repeating events', async () => {
    relay = await quietRelay();
    // A front that answers 503 twice, then passes requests through to the relay.
    const front = await refusingFront(`${relay.url}/api/events`, 2, 503, '{"error":"busy"}');
    try {
      const stats = await runPython(front.url);
      expect(front.refused()).toBe(2);
      expect(stats).toMatchObject({ flushed: true, sent: 9, dropped: 0, failures: 2 });
      expectDelivered(await ordersOf(relay));
      expect(relay.state.book.duplicates).toBe(0);
    } finally {
      await front.close();
    }
  });

  it('keeps events while the relay is not up yet and delivers them once it starts', async () => {
    // Until the relay starts, its port drops every connection (as a restarting process would).
    let dropped = 0;
    const down = createNetServer((socket) => {
      dropped++;
      socket.destroy();
    });
    await new Promise<void>((ready) => down.listen(0, '127.0.0.1', ready));
    const port = (down.address() as AddressInfo).port;
    const python = runPython(`http://127.0.0.1:${port}`);
    for (let waited = 0; dropped === 0 && waited < 10_000; waited += 50) await new Promise((wait) => setTimeout(wait, 50));
    await new Promise((done) => down.close(done));
    relay = await quietRelay(port);
    const stats = await python;
    expect(dropped).toBeGreaterThan(0);
    expect(stats.failures).toBeGreaterThan(0);
    expect(stats).toMatchObject({ flushed: true, sent: 9, dropped: 0 });
    expectDelivered(await ordersOf(relay));
  });

  it('says "unauthorized" when the relay refuses its token, and keeps the events', async () => {
    relay = await quietRelay();
    const stats = await runPython(relay.url, { env: { OW_TOKEN: 'wrong-token', OW_FLUSH_S: '1' } });
    expect(stats.log).toContain('unauthorized (HTTP 401)');
    expect(stats.log).toContain('check INGEST_TOKEN');
    expect(stats).toMatchObject({ flushed: false, sent: 0 });
    expect(stats.failures).toBeGreaterThan(0);
    expect(relay.state.log.lastRseq).toBe(0);
  });

  it('drops a batch another 4xx refuses, naming why, and goes on with the next', async () => {
    relay = await quietRelay();
    // A front that refuses the first batch as a relay would a bad body, then passes requests through.
    const front = await refusingFront(
      `${relay.url}/api/events`,
      1,
      422,
      '{"accepted":0,"rejected":[{"line":1,"error":"engine: 900000 bytes, limit 64"}]}',
    );
    try {
      const script = `
import json, os
from orderwatch_emitter import OrderwatchEmitter
em = OrderwatchEmitter(os.environ["OW_URL"], token=os.environ["OW_TOKEN"], engine="py-engine", initial_backoff=0.1, max_backoff=0.4)
em.order_created("refused_1", "BTC-USD", "buy", 10.0, "live")
ok1 = em.flush(timeout=8)
em.order_created("after_1", "BTC-USD", "buy", 10.0, "live")
ok2 = em.flush(timeout=8)
stats = em.stats()
em.close(timeout=1)
print(json.dumps({"flushed": ok1 and ok2, **stats}))
`;
      const out = await runPython(front.url, { script });
      expect(out.log).toContain('(HTTP 422), dropped it; first rejection: line 1: engine: 900000 bytes, limit 64');
      expect(out).toMatchObject({ flushed: true, sent: 1, rejected: 1, failures: 0 });
      const orders = await ordersOf(relay);
      expect(orders.has('after_1')).toBe(true);
      expect(orders.has('refused_1')).toBe(false);
    } finally {
      await front.close();
    }
  });
});
