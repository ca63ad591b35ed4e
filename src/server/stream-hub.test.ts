import { pino } from 'pino';
import { created } from '../../test/support/event-builders';
import { toWire } from '../protocol/encode';
import { SharedEventLog } from './redis/shared-event-log';
import { RelayState } from './relay-state';
import type { StreamClient } from './stream-client';
import { StreamHub } from './stream-hub';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A hub over a shared (Redis-mode) log of `capacity` events, with one client already live. */
async function liveHub(
  capacity: number,
  byteBudget?: number,
): Promise<{ hub: StreamHub; state: RelayState; log: SharedEventLog; client: StreamClient; messages: () => string }> {
  const log = new SharedEventLog(capacity, 'test', byteBudget);
  const state = new RelayState({ log, now: () => 1_000, anomalyLimit: 100, onAccepted: (rseq) => hub.publish(rseq) });
  const hub = new StreamHub({
    state,
    logger: pino({ level: 'silent' }),
    now: () => 1_000,
    staleAfterSec: 60,
    heartbeatMs: 60_000,
    keepTerminal: 1_000,
    clientQueueLimit: 1 << 24,
    snapshotPreimageLimit: 1 << 24,
    onSent: () => {},
    onLag: () => {},
  });
  const client = hub.connect(undefined);
  const reader = client.channel.stream.getReader();
  let text = '';
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
    }
  })().catch(() => undefined);
  for (let i = 0; i < 50 && client.phase !== 'live'; i++) await tick();
  expect(client.phase).toBe('live');
  return { hub, state, log, client, messages: () => text };
}

/** Applies order `id` as event `rseq` of stream entry `entry`, as the Redis follower does. */
function applyFromStream(state: RelayState, log: SharedEventLog, rseq: number, entry: string, id: string): void {
  const event = created(id);
  state.applyAccepted(event, () => log.appendEntry(rseq, entry, -1, 1_000, JSON.stringify(toWire(event))));
}

/** The rseqs of the `events` messages in an SSE text, in order. */
function streamedRseqs(text: string): number[] {
  const out: number[] = [];
  for (const block of text.split('\n\n')) {
    if (!block.includes('event: events')) continue;
    const data = block.split('\n').find((line) => line.startsWith('data: '))!;
    for (const item of JSON.parse(data.slice(6)) as { rseq: number }[]) out.push(item.rseq);
  }
  return out;
}

describe('StreamHub fan-out', () => {
  it('sends a tick of events as one message read from the log, with the last entry id as SSE id', async () => {
    const { hub, state, log, messages } = await liveHub(100);
    for (let r = 1; r <= 3; r++) applyFromStream(state, log, r, `170000000000${r}-0`, `o${r}`);
    await tick();
    await tick();
    expect(streamedRseqs(messages())).toEqual([1, 2, 3]);
    expect(messages()).toContain('id: 1700000000003-0\nevent: events');
    hub.closeAll();
  });

  it('sends at once when a tick brings more events than the log keeps, so live clients lose none', async () => {
    const { hub, state, log, messages } = await liveHub(4);
    for (let r = 1; r <= 10; r++) applyFromStream(state, log, r, `17000000000${10 + r}-0`, `o${r}`);
    await tick();
    await tick();
    expect(streamedRseqs(messages())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    hub.closeAll();
  });

  it('sends at once when a tick brings more bytes than the log keeps (--log-bytes), so live clients lose none', async () => {
    const { hub, state, log, messages } = await liveHub(100, 600);
    for (let r = 1; r <= 10; r++) applyFromStream(state, log, r, `17000000000${10 + r}-0`, `o${r}`);
    expect(log.firstRseq).toBeGreaterThan(5);
    await tick();
    await tick();
    expect(streamedRseqs(messages())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    hub.closeAll();
  });

  it('drops a live client, with a reason, when the shared log restarted within the tick (lost history)', async () => {
    const { hub, state, log, client } = await liveHub(100);
    applyFromStream(state, log, 1, '1700000000001-0', 'a');
    // The stream jumps from rseq 1 to 7: the log restarts there, and event 1 is no longer in it.
    applyFromStream(state, log, 7, '1700000000002-0', 'b');
    await tick();
    expect(client.phase).toBe('closed');
    expect(hub.dropped).toBe(1);
    hub.closeAll();
  });
});
