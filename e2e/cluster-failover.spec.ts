import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';
import { startRedisServer } from '../test/support/redis-server';
import type { RedisServerHandle } from '../test/support/redis-server';
import { startRelayProcess } from '../test/support/relay-process';
import type { RelayProcess } from '../test/support/relay-process';
import { ensureDistBuilt } from './fixtures/build';
import { created, fill, transition } from './fixtures/events';
import { expect, pageUrl, postEvents } from './fixtures/relay';
import { test } from '@playwright/test';

/**
 * The smallest load balancer: a loopback TCP proxy whose upstream can be switched. The browser
 * keeps one URL; when relay A dies, the proxy sends new connections to relay B, as a health-checked
 * balancer would.
 */
class SwitchingProxy {
  private upstream: number;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(upstreamPort: number) {
    this.upstream = upstreamPort;
    this.server = createServer((client) => {
      const upstream = connect(this.upstream, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => this.sockets.delete(s));
      }
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  listen(): Promise<string> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        resolve(`http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`);
      }),
    );
  }

  switchTo(port: number): void {
    this.upstream = port;
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const HEARTBEAT_MS = 500;

test('the dashboard follows relay B after relay A is killed, keeping its book and missing nothing', async ({ page }) => {
  test.setTimeout(120_000);
  ensureDistBuilt();
  let redis: RedisServerHandle | undefined;
  const relays: RelayProcess[] = [];
  let proxy: SwitchingProxy | undefined;
  try {
    redis = await startRedisServer();
    const args = ['--no-sim', '--store', redis.url, '--heartbeat-ms', String(HEARTBEAT_MS)];
    const [a, b] = await Promise.all([startRelayProcess(args), startRelayProcess(args)]);
    relays.push(a, b);
    proxy = new SwitchingProxy(a.port);
    const front = await proxy.listen();

    // The engine posts to B; the browser watches A through the proxy.
    // Both ready (Redis connected, caught up): before that a relay answers ingest with 503.
    for (const relay of [a, b]) await expect.poll(async () => (await fetch(`${relay.url}/api/healthz`)).status).toBe(200);
    await postEvents(b.url, [created('c-1'), transition('c-1', 'OPEN', { orderId: 'X1' }), created('c-2')]);
    await page.goto(pageUrl(front));
    const status = page.getByRole('status');
    await expect(status).toContainText('LIVE');
    await expect(page.locator('[role=row][data-order-id="c-1"]')).toBeVisible();

    await a.kill();
    proxy.switchTo(b.port);
    // Events that happen while the page has no relay: it must get them on B, not lose them.
    await postEvents(b.url, [fill('c-1', 400), created('c-3', { symbol: 'ETH-USD' })]);

    await expect(status).toContainText('LIVE', { timeout: 20_000 });
    const c1 = page.locator('[role=row][data-order-id="c-1"]');
    await expect(c1).toContainText('Partial');
    await expect(c1).toContainText('40.0%');
    await expect(page.locator('[role=row][data-order-id="c-3"]')).toBeVisible();
    await expect(page.locator('[role=row][data-order-id="c-2"]')).toBeVisible();

    await postEvents(b.url, [transition('c-2', 'OPEN'), fill('c-2', 1000)]);
    await expect(page.locator('[role=row][data-order-id="c-2"]')).toContainText('Filled');
  } finally {
    await proxy?.close();
    await Promise.all(relays.map((r) => r.kill()));
    await redis?.stop();
  }
});
