import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderEvent } from '../src/core/events';
import { orderToJson } from '../src/protocol/order-json';
import { APPLICATION_ID, JOURNAL_FILE, SCHEMA_VERSION } from '../src/server/journal/journal-file';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created, filled, moved } from './support/event-builders';
import { ndjson, orderFlow, postEvents } from './support/relay-post';
import { startRelayProcess } from './support/relay-process';
import { SseClient } from './support/sse-client';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-journal-'));
  dirs.push(dir);
  return dir;
}

/** Everything a restart must bring back: orders, dedup marks, counters, numbering. */
function bookState(relay: RunningRelay) {
  const { book, log, totals } = relay.state;
  return {
    orders: [...book.orders.values()].map(orderToJson),
    lastSeq: [...book.lastSeq.entries()],
    anomalyCounts: book.anomalyCounts,
    anomalies: book.anomalies.toArray(),
    byStatus: book.byStatus,
    accepted: totals.accepted,
    rseq: log.lastRseq,
    logId: log.logId,
  };
}

describe('the journal: restart without loss (issue 15)', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a restarted relay has every order, dedup mark, anomaly and its numbering back', async () => {
    const dir = dataDir();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, keepTerminal: 500 });
    // 2,000 orders through their lifecycle, a working one that will see no more events, an anomaly.
    expect((await postEvents(relay.url, ndjson(orderFlow(2_000)))).reply.accepted).toBe(4_000);
    await postEvents(relay.url, ndjson([created('working', { engine: 'e2', seq: 1 }), moved('working', 'OPEN', { engine: 'e2', seq: 2 })]));
    await postEvents(relay.url, ndjson([moved('ghost', 'CANCELED', { engine: 'e2', seq: 3 })]));
    const before = bookState(relay);
    expect(before.orders.find((o) => o.client_order_id === 'working')?.status).toBe('OPEN');
    await relay.close();

    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, keepTerminal: 500 });
    expect(bookState(relay)).toEqual(before);
    // The dedup marks came back: a resent event is a duplicate, not a second apply.
    const resent = await postEvents(relay.url, ndjson([moved('working', 'OPEN', { engine: 'e2', seq: 2 })]));
    expect(resent.reply).toMatchObject({ accepted: 0, duplicates: 1 });
    const health = (await (await fetch(`${relay.url}/api/healthz`)).json()) as { store: string; journal: { events: number } };
    expect(health).toMatchObject({ store: 'journal', journal: { events: 4_003 } });
  });

  it('starts from the newest checkpoint and replays only the events after it; a clean stop leaves nothing to replay', async () => {
    const dir = dataDir();
    const options = { port: 0, logLevel: 'silent' as const, dataDir: dir, keepTerminal: 300, checkpointEvents: 1_000 };
    // A real process, killed: the restart starts from the last checkpoint it took while running.
    const child = await startRelayProcess(['--no-sim', '--data-dir', dir, '--keep-terminal', '300', '--checkpoint-events', '1000']);
    // The journal is locked while the relay runs: ask the relay where its checkpoint is.
    const journalled = async (): Promise<{ checkpointed: number; last: number }> => {
      const health = (await (await fetch(`${child.url}/api/healthz`)).json()) as { rseq: number; journal: { checkpointRseq: number } };
      return { checkpointed: health.journal.checkpointRseq, last: health.rseq };
    };
    const batches: OrderEvent[][] = Array.from({ length: 5 }, (_, i) => orderFlow(450, `e${i}`, 1, `b${i}-`));
    batches.push([created('working', { engine: 'w', seq: 1 }), moved('ghost', 'OPEN', { engine: 'w', seq: 2 })]);
    for (const batch of batches) await postEvents(child.url, ndjson(batch));
    // Where the checkpoints fall depends on how the bodies arrived (a checkpoint is due after a commit
    // 1,000 events past the last one), so the last post may have taken one. Then one more event leaves
    // something for the restart to replay: fewer than 1,000 past the checkpoint, so none is due.
    const atLastPost = await journalled();
    if (atLastPost.checkpointed === atLastPost.last) {
      batches.push([moved('working', 'OPEN', { engine: 'w', seq: 3 })]);
      await postEvents(child.url, ndjson(batches.at(-1)!));
    }
    const { checkpointed, last } = await journalled();
    await child.kill();
    expect(last - checkpointed).toBeGreaterThan(0);
    expect(last - checkpointed).toBeLessThan(1_000);

    relay = await startRelay(options);
    expect(relay.restored).toMatchObject({ checkpoint_rseq: checkpointed, events: last - checkpointed });
    const before = bookState(relay);
    expect(before.rseq).toBe(last);
    expect(before.orders.find((o) => o.client_order_id === 'working')?.status).toBe(batches.length > 6 ? 'OPEN' : 'NEW');
    // The same book as replaying the whole journal from the start.
    const full = await startRelay({ port: 0, logLevel: 'silent', keepTerminal: 300 });
    try {
      for (const batch of batches) await postEvents(full.url, ndjson(batch));
      const { logId: _a, ...replayed } = bookState(full);
      const { logId: _b, ...restored } = before;
      expect(restored).toEqual(replayed);
    } finally {
      await full.close();
    }
    await relay.close();
    relay = await startRelay(options);
    expect(relay.restored).toMatchObject({ checkpoint_rseq: before.rseq, events: 0 });
    expect(bookState(relay)).toEqual(before);
  });

  it('prunes events past --retention-days once a checkpoint holds them; a restart still has every order', async () => {
    const dir = dataDir();
    let clock = Date.UTC(2026, 11, 1);
    const options = {
      port: 0,
      logLevel: 'silent' as const,
      dataDir: dir,
      now: () => clock,
      retentionDays: 1,
      checkpointEvents: 1_000,
      pruneEveryMs: 20,
    };
    relay = await startRelay(options);
    // Day 1: 2,000 events, one order left working; day 3: 400 more.
    await postEvents(relay.url, ndjson([created('old-working', { engine: 'w', seq: 1 }), ...orderFlow(999)]));
    clock += 2 * 86_400_000;
    await postEvents(relay.url, ndjson(orderFlow(200, 'e2', 1, 'new')));
    const rows = (): number => relay!.journal!.stats().events;
    // Each prune pass (every 20 ms) is awaited, not slept on; the test's own timeout bounds it.
    while (rows() > 400) await relay.nextPrune!();
    // Only what the last checkpoint (at rseq 1,999) holds could go: the day-3 events stay.
    expect(rows()).toBe(400);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderwatch_journal_pruned_events_total 1999$/m);
    const before = bookState(relay);
    await relay.close();
    relay = await startRelay(options);
    expect(bookState(relay)).toEqual(before);
    expect(relay.state.book.orders.get('old-working')?.status).toBe('NEW');
  });

  it('keeps the journal under --journal-max-bytes by pruning the oldest events, checkpointing first', async () => {
    const dir = dataDir();
    const options = { port: 0, logLevel: 'silent' as const, dataDir: dir, journalMaxBytes: 1_048_576, pruneEveryMs: 20 };
    relay = await startRelay(options);
    // 200 orders filled in 100 steps: many events, a small book (its checkpoints fit well under the cap).
    const events: OrderEvent[] = Array.from({ length: 200 }, (_, i) => created(`f${i}`, { engine: 'f', seq: i + 1 }));
    let seq = 1_000;
    for (let step = 1; step <= 100; step++)
      for (let i = 0; i < 200; i++) events.push(filled(`f${i}`, step * 5, { engine: 'f', seq: seq++ }));
    for (let from = 0; from < events.length; from += 2_000) await postEvents(relay.url, ndjson(events.slice(from, from + 2_000)));
    while (relay.journal!.fileBytes() > 1_048_576) await relay.nextPrune!();
    expect(relay.journal!.fileBytes()).toBeLessThanOrEqual(1_048_576);
    // 20,200 events of ~170 bytes are well past the cap: the oldest had to go.
    const pruned = Number(/^orderwatch_journal_pruned_events_total (\d+)$/m.exec(await (await fetch(`${relay.url}/metrics`)).text())?.[1]);
    expect(pruned).toBeGreaterThan(5_000);
    const before = bookState(relay);
    await relay.close();
    relay = await startRelay(options);
    expect(bookState(relay)).toEqual(before);
  });

  it('refuses a second relay on the same data directory', async () => {
    const dir = dataDir();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    await expect(startRelay({ port: 0, logLevel: 'silent', dataDir: dir })).rejects.toThrow(
      `${join(dir, JOURNAL_FILE)} is in use by another relay; each relay needs its own --data-dir`,
    );
  });

  it('a dashboard resumes across the restart with Last-Event-ID: exactly the events it missed, no snapshot', async () => {
    const dir = dataDir();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    await postEvents(relay.url, ndjson(orderFlow(50)));
    const seen = relay.state.log.lastRseq;
    const logId = relay.state.log.logId;
    // Posted after the dashboard lost the connection.
    await postEvents(relay.url, ndjson(orderFlow(5, 'e2', 1, 'missed')));
    await relay.close();

    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    await postEvents(relay.url, ndjson(orderFlow(2, 'e3', 1, 'after')));
    const client = await SseClient.open(`${relay.url}/api/stream?log_id=${logId}`, { lastEventId: String(seen) });
    try {
      await client.reach(seen + 14);
      expect(client.messages.some((m) => m.event === 'snapshot')).toBe(false);
      expect(client.rseqs).toEqual(Array.from({ length: 14 }, (_, i) => seen + 1 + i));
      expect(client.items.slice(0, 10).every((i) => i.event.client_order_id.startsWith('missed'))).toBe(true);
    } finally {
      client.close();
    }
  });

  it('--data-dir none keeps everything in memory: a restart starts empty under a new numbering', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    await postEvents(relay.url, ndjson(orderFlow(3)));
    const logId = relay.state.log.logId;
    await relay.close();
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    expect(relay.state.book.orders.size).toBe(0);
    expect(relay.state.log.logId).not.toBe(logId);
  });
});

describe('a journal file the relay must not use', () => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file that is not SQLite, naming it, and leaves it as it was', async () => {
    const dir = dataDir();
    const file = join(dir, JOURNAL_FILE);
    writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    await expect(startRelay({ port: 0, logLevel: 'silent', dataDir: dir })).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a readable Orderwatch journal \\(file is not a database\\)`),
    );
    expect(readFileSync(file, 'utf8').startsWith('these are my notes')).toBe(true);
  });

  it("refuses another program's SQLite database", async () => {
    const dir = dataDir();
    const other = new Database(join(dir, JOURNAL_FILE));
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    await expect(startRelay({ port: 0, logLevel: 'silent', dataDir: dir })).rejects.toThrow(
      /is not an Orderwatch journal \(application_id 0, 1 tables\)/,
    );
    const again = new Database(join(dir, JOURNAL_FILE));
    expect(again.prepare('SELECT name FROM sqlite_master').pluck().all()).toEqual(['invoices']);
    again.close();
  });

  it('refuses a journal written by a newer schema, saying which versions', async () => {
    const dir = dataDir();
    const newer = new Database(join(dir, JOURNAL_FILE));
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.exec('CREATE TABLE future (x)');
    newer.close();
    await expect(startRelay({ port: 0, logLevel: 'silent', dataDir: dir })).rejects.toThrow(
      `was written by a newer Orderwatch (journal schema ${SCHEMA_VERSION + 1}; this relay reads up to ${SCHEMA_VERSION})`,
    );
  });
});

describe('a journal that cannot write (disk full)', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After, reports degraded on health and heartbeats, and recovers by itself, losing nothing', async () => {
    const dir = dataDir();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir, heartbeatMs: 100_000 });
    await postEvents(relay.url, ndjson(orderFlow(10)));
    const stream = await SseClient.open(`${relay.url}/api/stream`);
    await stream.first('snapshot');
    // A real SQLITE_FULL: the database may not grow past the pages it has.
    const db = relay.journal!.database;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);

    // One chunk's worth, so the whole body is sent before the relay answers.
    const big = orderFlow(100, 'e2', 1, 'full');
    const failed = await postEvents(relay.url, ndjson(big));
    expect(failed.status).toBe(503);
    const health = (await (await fetch(`${relay.url}/api/healthz`)).json()) as { status: string; degraded: boolean };
    expect(health).toMatchObject({ status: 'degraded', degraded: true });
    await stream.until(
      () => stream.messages.some((m) => m.event === 'heartbeat' && JSON.parse(m.data).degraded === true),
      'a degraded heartbeat',
    );
    const refused = await fetch(`${relay.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: ndjson([created('later')]),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');

    db.pragma('max_page_count = 1073741823');
    // A healthy heartbeat carries no `degraded` key.
    const lastBeat = (): { degraded?: boolean } =>
      JSON.parse(stream.messages.filter((m) => m.event === 'heartbeat').at(-1)!.data) as { degraded?: boolean };
    await stream.until(() => lastBeat().degraded === undefined, 'a healthy heartbeat');
    stream.close();
    expect(((await (await fetch(`${relay.url}/api/healthz`)).json()) as { status: string }).status).toBe('ok');
    // The engine retries the batch: what was applied before the failure is a duplicate now.
    const retried = await postEvents(relay.url, ndjson(big));
    expect(retried.status).toBe(200);
    expect(retried.reply.accepted + retried.reply.duplicates).toBe(200);
    const before = bookState(relay);
    await relay.close();
    relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    expect(bookState(relay)).toEqual(before);
  });
});
