import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../src/core/alert';
import type { AlertsMessage, EnginesMessage } from '../src/protocol/alert-messages';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created, filled, moved, T0 } from './support/event-builders';
import { ndjson, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

/** The relay's clock, stepped by the test: rules are evaluated by `tick()` at a time the test chose. */
let now = T0;
const clock = (): number => now;

const relays: RunningRelay[] = [];
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.close();
  for (const clean of cleanups.splice(0)) await clean();
});

async function relayWith(extra: Parameters<typeof startRelay>[0] = {}): Promise<RunningRelay> {
  const relay = await startRelay({
    port: 0,
    sim: false,
    logLevel: 'silent',
    heartbeatMs: 60_000,
    alertEvalMs: 3_600_000,
    now: clock,
    staleAfterSec: 300,
    staleNewAckSec: 30,
    ...extra,
  });
  relays.push(relay);
  return relay;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-alerts-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

type HookBody = { text: string; alert: Alert };

/** A local webhook receiver: records every body posted to it; `received` resolves once one matches. */
async function webhookReceiver(): Promise<{
  url: string;
  bodies: HookBody[];
  received: (check: (b: HookBody) => boolean) => Promise<HookBody>;
}> {
  const bodies: HookBody[] = [];
  const waiters: { check: (b: HookBody) => boolean; resolve: (b: HookBody) => void }[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as HookBody;
      bodies.push(body);
      res.writeHead(200).end('ok');
      for (const w of waiters.filter((x) => x.check(body))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(body);
      }
    });
  });
  const received = (check: (b: HookBody) => boolean): Promise<HookBody> => {
    const found = bodies.find(check);
    return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ check, resolve }));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, received };
}

async function alertsOf(relay: RunningRelay, headers: Record<string, string> = {}): Promise<Alert[]> {
  const response = await fetch(`${relay.url}/api/alerts`, { headers });
  expect(response.status).toBe(200);
  return ((await response.json()) as { alerts: Alert[] }).alerts;
}

function post(relay: RunningRelay, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${relay.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Every alert a stream has been told of, by id, as a dashboard keeps them. */
function alertsSeen(sse: SseClient): Map<string, Alert> {
  const seen = new Map<string, Alert>();
  for (const m of sse.messages) {
    if (m.event !== 'alerts') continue;
    const message = JSON.parse(m.data) as AlertsMessage;
    if (message.reset) seen.clear();
    for (const alert of message.alerts) seen.set(alert.id, alert);
  }
  return seen;
}

describe('alerts against the real relay (issue 16)', () => {
  it('a stale order fires, reaches a webhook, is acknowledged once for every screen, survives a restart and resolves when it fills', async () => {
    const dataDir = tempDir();
    const hook = await webhookReceiver();
    now = T0;
    let relay = await relayWith({ dataDir, webhooks: [hook.url] });
    await postEvents(relay.url, ndjson([created('o1', { engine: 'e1', ts: T0 }), created('o2', { engine: 'e1', ts: T0 + 10_000 })]));
    relay.alerts.service.tick();
    expect(await alertsOf(relay)).toEqual([]);

    now = T0 + 31_000;
    relay.alerts.service.tick();
    const [alert] = await alertsOf(relay);
    expect(alert).toMatchObject({
      id: `stale_order:o1@${T0 + 30_000}`,
      rule: 'stale_order',
      state: 'firing',
      severity: 'warning',
      subject: { kind: 'order', id: 'o1', engine: 'e1', symbol: 'BTC-USD' },
      summary: 'o1 BTC-USD: NEW not acknowledged within 30 s',
    });
    expect(await hook.received(() => true)).toMatchObject({
      text: '[FIRING] warning stale_order: o1 BTC-USD: NEW not acknowledged within 30 s',
      alert: { id: alert!.id },
    });

    // Two screens: one acknowledges, the other hears of it on its stream.
    const watcher = await SseClient.open(`${relay.url}/api/stream`);
    cleanups.push(() => watcher.close());
    await watcher.until(() => alertsSeen(watcher).get(alert!.id)?.state === 'firing', 'the firing alert in the greeting');
    const ack = await post(relay, `/api/alerts/${encodeURIComponent(alert!.id)}/ack`, { by: 'Dana', comment: 'calling the desk' });
    expect(ack.status).toBe(200);
    await watcher.until(() => alertsSeen(watcher).get(alert!.id)?.state === 'acknowledged', 'the acknowledgement on the other screen');
    expect(alertsSeen(watcher).get(alert!.id)!.ack).toEqual({ by: 'Dana', at: now, comment: 'calling the desk' });
    expect((await hook.received((b) => b.alert.state === 'acknowledged')).text).toContain('by Dana: calling the desk');
    watcher.close();

    // Restart on the same journal: still acknowledged, same id, and the audit trail says who.
    await relay.close();
    relays.splice(relays.indexOf(relay), 1);
    now = T0 + 45_000;
    relay = await relayWith({ dataDir });
    const after = await alertsOf(relay);
    expect(after.map((a) => [a.id, a.state, a.ack?.by])).toEqual([[alert!.id, 'acknowledged', 'Dana']]);
    relay.alerts.service.tick();
    expect((await alertsOf(relay)).find((a) => a.id === alert!.id)?.state).toBe('acknowledged');
    const audit = (await (await fetch(`${relay.url}/api/alerts/audit`)).json()) as { entries: { action: { type: string; by: string } }[] };
    expect(audit.entries.map((e) => [e.action.type, e.action.by])).toEqual([['ack', 'Dana']]);

    // o2 goes stale too; o1 fills: its alert resolves by itself.
    await postEvents(relay.url, ndjson([moved('o1', 'OPEN', { engine: 'e1', ts: now }), filled('o1', 1000, { engine: 'e1', ts: now })]));
    relay.alerts.service.tick();
    const final = await alertsOf(relay);
    expect(final.map((a) => [a.subject.id, a.state])).toEqual([
      ['o2', 'firing'],
      ['o1', 'resolved'],
    ]);
    expect(final[1]!.resolved_at).toBe(now);
  });

  it('engine_silent fires when an engine with active orders goes quiet and clears with an engine_heartbeat; /metrics and the stream say so', async () => {
    now = T0;
    const relay = await relayWith({ staleNewAckSec: null, engineSilentAfterSec: 60 });
    await postEvents(relay.url, ndjson([created('o1', { engine: 'desk-a', ts: T0 }), moved('o1', 'OPEN', { engine: 'desk-a', ts: T0 })]));
    const sse = await SseClient.open(`${relay.url}/api/stream`);
    cleanups.push(() => sse.close());
    now = T0 + 61_000;
    relay.alerts.service.tick();
    const [silent] = await alertsOf(relay);
    expect(silent).toMatchObject({ rule: 'engine_silent', severity: 'critical', state: 'firing', started_at: T0 + 60_000 });
    expect(silent!.summary).toBe('engine desk-a has sent nothing for over 60 s with 1 active orders');
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/orderwatch_alerts_firing\{rule="engine_silent",severity="critical"\} 1/);
    expect(metrics).toMatch(/orderwatch_engine_last_event_age_seconds\{engine="desk-a"\} 61/);
    expect(metrics).toMatch(/orderwatch_engine_silent\{engine="desk-a"\} 1/);
    expect(metrics).toMatch(/orderwatch_engine_events_total\{engine="desk-a"\} 2/);
    await sse.until(
      () => sse.messages.some((m) => m.event === 'engines' && (JSON.parse(m.data) as EnginesMessage).engines.some((e) => e.silent)),
      'engine health on the stream',
    );

    const beat = await postEvents(relay.url, JSON.stringify({ type: 'engine_heartbeat', engine: 'desk-a', ts: now / 1000 }) + '\n');
    expect(beat.reply.accepted).toBe(1);
    relay.alerts.service.tick();
    expect((await alertsOf(relay)).map((a) => [a.rule, a.state])).toEqual([['engine_silent', 'resolved']]);
    await sse.until(() => [...alertsSeen(sse).values()].some((a) => a.state === 'resolved'), 'the resolution on the stream');
    // The heartbeat went out on the stream like any event: every dashboard and cluster relay sees the engine alive.
    expect(sse.items.some((i) => i.event.type === 'engine_heartbeat')).toBe(true);

    // Engine health carries its events/s over the last 10 s, from the relay's own counts.
    now += 10_000;
    const beats = Array.from({ length: 5 }, (_, i) => JSON.stringify({ type: 'engine_heartbeat', engine: 'desk-a', ts: now / 1000 - i }));
    expect((await postEvents(relay.url, beats.join('\n') + '\n')).reply.accepted).toBe(5);
    relay.alerts.service.tick();
    const health = (await (await fetch(`${relay.url}/api/alerts`)).json()) as { engines: EnginesMessage['engines'] };
    expect(health.engines).toEqual([expect.objectContaining({ engine: 'desk-a', events_per_s: 0.5, silent: false })]);
  });

  it('snooze quiets an alert until it ends; a silence by matcher holds every matching alert; a resolved alert cannot be acted on', async () => {
    now = T0;
    const relay = await relayWith({ engineSilentAfterSec: null });
    await postEvents(relay.url, ndjson([created('a', { engine: 'e1', ts: T0 }), created('b', { engine: 'e2', ts: T0 })]));
    now = T0 + 31_000;
    relay.alerts.service.tick();
    const byOrder = new Map((await alertsOf(relay)).map((a) => [a.subject.id, a]));
    const snooze = await post(relay, `/api/alerts/${encodeURIComponent(byOrder.get('a')!.id)}/snooze`, { by: 'Sam', minutes: 5 });
    expect(snooze.status).toBe(200);
    const silence = await post(relay, '/api/silences', { by: 'Sam', minutes: 60, comment: 'e2 maintenance', matcher: { engine: 'e2' } });
    expect(silence.status).toBe(200);
    const states = async () => new Map((await alertsOf(relay)).map((a) => [a.subject.id, a]));
    expect((await states()).get('a')).toMatchObject({ state: 'snoozed', snoozed_until: now + 300_000 });
    expect((await states()).get('b')).toMatchObject({ state: 'snoozed', silenced_by: ((await silence.json()) as { id: string }).id });
    now += 300_000;
    relay.alerts.service.tick();
    expect((await states()).get('a')!.state).toBe('firing');
    expect((await states()).get('b')!.state).toBe('snoozed');

    await postEvents(relay.url, ndjson([moved('a', 'REJECTED', { engine: 'e1', ts: now })]));
    relay.alerts.service.tick();
    const resolved = await post(relay, `/api/alerts/${encodeURIComponent(byOrder.get('a')!.id)}/ack`, { by: 'Sam' });
    expect(resolved.status).toBe(409);
    expect(await resolved.json()).toEqual({ error: `alert ${byOrder.get('a')!.id} is resolved: its condition ended` });
    expect((await post(relay, '/api/alerts/nope/ack', { by: 'Sam' })).status).toBe(404);
  });

  it('guards the actions: OPERATE_TOKEN, Origin, and a clear 400 or 413 for a bad body', async () => {
    now = T0;
    const relay = await relayWith({ viewToken: 'view-t', operateToken: 'op-t', engineSilentAfterSec: null });
    await postEvents(relay.url, ndjson([created('a', { ts: T0 })]));
    now = T0 + 31_000;
    relay.alerts.service.tick();
    const viewer = { authorization: 'Bearer view-t' };
    const operator = { authorization: 'Bearer op-t' };
    const [alert] = await alertsOf(relay, viewer);
    const path = `/api/alerts/${encodeURIComponent(alert!.id)}/ack`;
    expect((await fetch(`${relay.url}/api/alerts`)).status).toBe(401);
    expect((await post(relay, path, { by: 'Dana' }, viewer)).status).toBe(401);
    const foreign = await post(relay, path, { by: 'Dana' }, { ...operator, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const noName = await post(relay, path, { comment: 'x' }, operator);
    expect(noName.status).toBe(400);
    expect(await noName.json()).toEqual({ error: 'by: is required' });
    const hidden = await post(relay, path, { by: 'Da\u202ena' }, operator);
    expect(((await hidden.json()) as { error: string }).error).toMatch(/^by: must be a name/);
    const huge = await post(relay, path, { by: 'Dana', comment: 'x'.repeat(20_000) }, operator);
    expect(huge.status).toBe(413);
    const notJson = await fetch(`${relay.url}${path}`, {
      method: 'POST',
      headers: { ...operator, 'content-type': 'application/json' },
      body: '{',
    });
    expect(await notJson.json()).toEqual({ error: 'body: want a JSON object' });
    const everything = await post(relay, '/api/silences', { by: 'Dana', minutes: 5, matcher: {} }, operator);
    expect(((await everything.json()) as { error: string }).error).toMatch(/^matcher: must name at least one of rule, engine, symbol/);
    expect((await alertsOf(relay, viewer))[0]!.state).toBe('firing');
    expect((await post(relay, path, { by: 'Dana' }, operator)).status).toBe(200);
    expect((await alertsOf(relay, viewer))[0]!.state).toBe('acknowledged');
  });
});
