import type { Alert } from '../src/core/alert';
import type { RunningRelay } from '../src/server/relay';
import { startClusterRelay, waitReady } from './support/cluster-relays';
import { eventually } from './support/eventually';
import { created, moved, T0 } from './support/event-builders';
import type { RedisServerHandle } from './support/redis-server';
import { startRedisServer } from './support/redis-server';
import { ndjson, postEvents } from './support/relay-post';

let now = T0;
const config = { now: () => now, alertEvalMs: 3_600_000, staleNewAckSec: 30, engineSilentAfterSec: null };

async function alertsOf(relay: RunningRelay): Promise<Alert[]> {
  return ((await (await fetch(`${relay.url}/api/alerts`)).json()) as { alerts: Alert[] }).alerts;
}

async function ackOn(relay: RunningRelay, id: string, by: string, comment: string): Promise<number> {
  const reply = await fetch(`${relay.url}/api/alerts/${encodeURIComponent(id)}/ack`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by, comment }),
  });
  return reply.status;
}

describe('--store mode: an acknowledgement on one relay holds on every relay of the cluster', () => {
  let redis: RedisServerHandle;
  const relays: RunningRelay[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  const startRelay = async (tag: string): Promise<RunningRelay> => {
    const relay = await startClusterRelay(redis.url, { tag }, config);
    relays.push(relay);
    await waitReady(relay);
    return relay;
  };

  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
    await redis.stop();
  });

  it('A acknowledges; B shows it acknowledged; C, started afterwards, raises the alert already acknowledged', async () => {
    now = T0;
    const start = (): Promise<RunningRelay> => startRelay('alerts');
    const a = await start();
    const b = await start();
    await postEvents(a.url, ndjson([created('s1', { engine: 'e1', ts: T0 })]));
    await eventually(() => b.state.book.orders.has('s1'), 'B to hold the order');
    now = T0 + 31_000;
    a.alerts.service.tick();
    b.alerts.service.tick();
    const [onA] = await alertsOf(a);
    const [onB] = await alertsOf(b);
    // The same alert on both: its id comes from the order, not from the relay that raised it.
    expect(onB!.id).toBe(onA!.id);
    expect(await ackOn(a, onA!.id, 'Dana', 'on it')).toBe(200);
    let seen: Alert | undefined;
    await eventually(async () => {
      seen = (await alertsOf(b)).find((x) => x.id === onA!.id);
      return seen?.state === 'acknowledged';
    }, 'B to show the acknowledgement');
    expect(seen!.ack).toEqual({ by: 'Dana', at: now, comment: 'on it' });

    const c = await start();
    await eventually(() => c.state.book.orders.has('s1'), 'C to hold the order');
    c.alerts.service.tick();
    await eventually(async () => (await alertsOf(c)).find((x) => x.id === onA!.id)?.state === 'acknowledged', 'C to apply the earlier ack');
    // Shared once: A's own action came back to it from the stream and was not applied twice.
    const audit = (await (await fetch(`${a.url}/api/alerts/audit`)).json()) as { entries: unknown[] };
    expect(audit.entries).toHaveLength(1);
  });
  it('a relay-wide alert, dated by each relay, is acknowledged on every relay too', async () => {
    now = T0 + 60_000;
    const start = (): Promise<RunningRelay> => startRelay('relay-wide');
    const a = await start();
    const b = await start();
    // The reject window's baseline, before anything finished.
    a.alerts.service.tick();
    b.alerts.service.tick();
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    await postEvents(a.url, ndjson(ids.flatMap((id) => [created(id, { engine: 'e1', ts: now }), moved(id, 'REJECTED', { ts: now + 1 })])));
    await eventually(() => ids.every((id) => b.state.book.orders.get(id)?.status === 'REJECTED'), 'B to hold the rejections');
    now += 1_000;
    a.alerts.service.tick();
    now += 2_000;
    b.alerts.service.tick();
    const onA = (await alertsOf(a)).find((x) => x.rule === 'reject_rate');
    const onB = (await alertsOf(b)).find((x) => x.rule === 'reject_rate');
    // Each relay dated its own episode: the ids differ, the condition is the same.
    expect(onA!.id).not.toBe(onB!.id);
    expect(onA!.key).toBe(onB!.key);
    expect(await ackOn(a, onA!.id, 'Lee', 'venue down')).toBe(200);
    await eventually(
      async () => (await alertsOf(b)).find((x) => x.id === onB!.id)?.state === 'acknowledged',
      'B to show the acknowledgement',
    );
    expect((await alertsOf(b)).find((x) => x.id === onB!.id)!.ack).toMatchObject({ by: 'Lee', comment: 'venue down' });
  });
});
