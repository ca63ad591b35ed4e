/**
 * `npm run bench:journal [-- --quick]`: the relay's SQLite journal (issue 15).
 *
 * 1. Restart → ready: a relay process (`src/server/main.ts`, as `npm start` runs it) with the
 *    default checkpoint cadence journals past 1,000,000 events and is killed (kill -9) one batch
 *    before its next checkpoint: the longest restart the defaults allow, the figure with the
 *    target. Then the replay speed: 1,000,000 events with checkpoints off, all replayed; a clean
 *    stop (which writes a checkpoint) and a restart from it. Bytes per journaled event on disk.
 * 2. History: 1,000,000 finished orders in the history table (written through the relay's own
 *    writer), then `GET /api/history` over a mix of searches, filters and deep pages: p50 / p95.
 * Figures are printed beside their targets and written to bench/results/journal.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { applyEvent } from '../src/core/apply';
import { createBook } from '../src/core/book';
import { createdEvent, fillEvent, transitionEvent } from '../src/core/events';
import { startRelay } from '../src/server/relay';
import { DEFAULT_CONFIG } from '../src/server/relay-config';
import { Journal } from '../src/server/journal/journal';
import { startRelayProcess } from '../test/support/relay-process';
import type { Figure } from './lib/figures';
import { allMet, printFigures } from './lib/figures';
import { hasFlag } from './lib/measure';
import { writeResults } from './lib/results';
import { eventSource } from './relay-runs';
import { toNdjsonLine } from '../src/protocol/encode';

const quick = hasFlag('--quick');
const EVENTS = quick ? 200_000 : 1_000_000;
const HISTORY_ORDERS = quick ? 200_000 : 1_000_000;
const QUERIES_PER_KIND = quick ? 40 : 150;
const SEED = 20_261_203;
const SYMBOLS = ['BTC-USD', 'ETH-USD', 'SOL-USD', 'XRP-USD', 'DOGE-USD', 'ADA-USD', 'AVAX-USD', 'LINK-USD'];
const STATUSES = ['FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'] as const;

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function post(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  if (response.status !== 200) throw new Error(`ingest: HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  await response.arrayBuffer();
}

const BATCH = 2_000;

/** Posts `count` events of the seeded workload to a relay process in batches; returns events/s. */
async function journal(url: string, count: number): Promise<number> {
  const source = eventSource(SEED);
  const t0 = performance.now();
  for (let sent = 0; sent < count; sent += BATCH) {
    let body = '';
    for (let i = 0; i < BATCH && sent + i < count; i++) body += toNdjsonLine(source.next().value as Parameters<typeof toNdjsonLine>[0]);
    await post(url, body);
  }
  return count / ((performance.now() - t0) / 1000);
}

/** Mean and count of the relay's own `orderwatch_journal_checkpoint_seconds` (ingest waits while one is written). */
async function checkpointPause(url: string): Promise<{ meanMs: number; count: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const count = read('orderwatch_journal_checkpoint_seconds_count');
  return { meanMs: (read('orderwatch_journal_checkpoint_seconds_sum') / count) * 1000, count };
}

async function timedRestart(dir: string): Promise<{ ms: number; relay: Awaited<ReturnType<typeof startRelay>> }> {
  const started = performance.now();
  const relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
  return { ms: performance.now() - started, relay };
}

/**
 * The longest restart the defaults allow: a relay with the default checkpoint cadence journals
 * past EVENTS and is killed one batch before its next checkpoint, so the restart reads the
 * newest checkpoint and replays almost a whole cadence of events after it.
 */
async function defaultsWorstCase(): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-bench-journal-'));
  try {
    const cadence = DEFAULT_CONFIG.checkpointEvents;
    const total = Math.ceil(EVENTS / cadence) * cadence + cadence - BATCH;
    const child = await startRelayProcess(['--no-sim', '--data-dir', dir]);
    const rate = await journal(child.url, total);
    const pause = await checkpointPause(child.url);
    await child.kill();
    console.log(
      `  defaults (a checkpoint every ${cadence.toLocaleString('en-US')} events): journaled ${total.toLocaleString('en-US')} events at ${rate.toFixed(0)} ev/s, ` +
        `${pause.count} checkpoints of ${pause.meanMs.toFixed(0)} ms each on average, then kill -9 ${BATCH.toLocaleString('en-US')} events before the next`,
    );
    const { ms, relay } = await timedRestart(dir);
    console.log(
      `  restart → ready: ${ms.toFixed(0)} ms (checkpoint at ${relay.restored?.checkpoint_rseq.toLocaleString('en-US')}, ${relay.restored?.events.toLocaleString('en-US')} events replayed, ${relay.state.book.orders.size.toLocaleString('en-US')} orders)`,
    );
    await relay.close();
    return {
      figures: [
        {
          figure: `restart → ready after kill -9, ${total.toLocaleString('en-US')} events journaled, the longest replay the defaults allow`,
          value: ms / 1000,
          unit: 's',
          target: { atMost: 3 },
        },
        { figure: "ingest pause per checkpoint (mean, the relay's own histogram)", value: pause.meanMs, unit: 'ms' },
      ],
      details: { cadence, total, ms, replayed: relay.restored?.events, checkpoints: pause.count, checkpointMeanMs: pause.meanMs, rate },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replay speed: EVENTS journaled with checkpoints off, then kill -9, so the restart replays every one. */
async function noCheckpoint(): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-bench-journal-'));
  try {
    const child = await startRelayProcess([
      '--no-sim',
      '--data-dir',
      dir,
      '--checkpoint-events',
      String(EVENTS * 10),
      '--checkpoint-s',
      '86400',
    ]);
    const rate = await journal(child.url, EVENTS);
    await child.kill();
    console.log(`  no checkpoints: journaled ${EVENTS.toLocaleString('en-US')} events at ${rate.toFixed(0)} ev/s, then kill -9`);
    const replay = await timedRestart(dir);
    const stats = replay.relay.journal!.stats();
    const orders = replay.relay.state.book.orders.size;
    console.log(
      `  restart → ready, replaying all: ${replay.ms.toFixed(0)} ms (${replay.relay.restored?.events.toLocaleString('en-US')} events, ${orders.toLocaleString('en-US')} orders in the book)`,
    );
    const closing = performance.now();
    await replay.relay.close();
    const checkpointMs = performance.now() - closing;
    const again = await timedRestart(dir);
    console.log(`  clean stop (writes a checkpoint) ${checkpointMs.toFixed(0)} ms; restart → ready from it: ${again.ms.toFixed(0)} ms`);
    await again.relay.close();
    return {
      figures: [
        {
          figure: `restart → ready, all ${EVENTS.toLocaleString('en-US')} events to replay (checkpoints off)`,
          value: replay.ms / 1000,
          unit: 's',
        },
        { figure: 'replay cost per event', value: (replay.ms * 1000) / EVENTS, unit: 'µs' },
        { figure: 'restart → ready from a checkpoint of that book', value: again.ms / 1000, unit: 's', target: { atMost: 3 } },
        { figure: 'journal bytes per event (database + WAL)', value: stats.bytes / stats.events, unit: 'B' },
        { figure: 'journaled ingest into a relay process', value: rate, unit: 'ev/s' },
      ],
      details: { events: EVENTS, replayMs: replay.ms, fromCheckpointMs: again.ms, checkpointMs, journalBytes: stats.bytes, orders },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Finished orders written through the relay's own history writer, in transactions of 10,000. */
function fillHistory(dir: string): void {
  const journal = Journal.open(dir, 'normal', pino({ level: 'silent' }));
  const db = journal.database;
  const book = createBook({ anomalyLimit: 0 });
  const t0 = Date.UTC(2026, 10, 26);
  const writeMany = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = `coid_${i.toString(36).padStart(6, '0')}_${((i * 2_654_435_761) % 0xffff).toString(16)}`;
      const at = t0 + i * 500;
      const engine = `engine-${i % 5}`;
      applyEvent(book, createdEvent(id, at, undefined, engine, SYMBOLS[i % SYMBOLS.length]!, i % 2 === 0 ? 'buy' : 'sell', 1_000, 'live'));
      const status = STATUSES[i % STATUSES.length]!;
      if (status !== 'REJECTED') applyEvent(book, transitionEvent(id, at + 100, undefined, engine, 'OPEN', `x${i}`, undefined));
      if (status === 'FILLED') applyEvent(book, fillEvent(id, at + 300, undefined, engine, 0.01, 1_000, 0.4));
      else
        applyEvent(book, transitionEvent(id, at + 300, undefined, engine, status, undefined, status === 'REJECTED' ? 'margin' : undefined));
      const order = book.orders.get(id)!;
      journal.history.write(order);
      book.orders.delete(id);
    }
  });
  for (let from = 0; from < HISTORY_ORDERS; from += 10_000) writeMany(from, Math.min(HISTORY_ORDERS, from + 10_000));
  journal.close();
}

async function historyFigures(): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'orderwatch-bench-history-'));
  try {
    const t0 = performance.now();
    fillHistory(dir);
    console.log(`  ${HISTORY_ORDERS.toLocaleString('en-US')} finished orders written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    const rng = (n: number): number => Math.floor(Math.random() * n);
    const id = (i: number): string => `coid_${i.toString(36).padStart(6, '0')}`;
    const start = Date.UTC(2026, 10, 26);
    const kinds: Record<string, () => string> = {
      'newest page': () => 'limit=100',
      'q = an order id prefix': () => `q=${id(rng(HISTORY_ORDERS))}`,
      'q = an exchange id': () => `q=x${rng(HISTORY_ORDERS)}`,
      'q = a symbol': () => `q=${SYMBOLS[rng(SYMBOLS.length)]}`,
      'status + engine + symbol': () => `status=CANCELED&engine=engine-${rng(5)}&symbol=${SYMBOLS[rng(SYMBOLS.length)]}`,
      'an hour of one side': () => {
        const from = start + rng(HISTORY_ORDERS) * 500;
        return `side=buy&from=${from}&to=${from + 3_600_000}`;
      },
    };
    const all: number[] = [];
    const byKind: Record<string, { p50: number; p95: number }> = {};
    for (const [kind, make] of Object.entries(kinds)) {
      const times: number[] = [];
      for (let i = 0; i < QUERIES_PER_KIND; i++) {
        const t = performance.now();
        const response = await fetch(`${relay.url}/api/history?${make()}`);
        const body = (await response.json()) as { next_cursor: string | null };
        // Deep pages: follow the cursor twice for a third of the newest-page queries.
        if (kind === 'newest page' && i % 3 === 0 && body.next_cursor !== null) {
          const more = await fetch(`${relay.url}/api/history?limit=100&cursor=${body.next_cursor}`);
          await more.arrayBuffer();
        }
        if (response.status !== 200) throw new Error(`history: HTTP ${response.status}`);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      byKind[kind] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
      console.log(`  ${kind}: p50 ${byKind[kind].p50.toFixed(1)} ms, p95 ${byKind[kind].p95.toFixed(1)} ms`);
      all.push(...times);
    }
    await relay.close();
    all.sort((a, b) => a - b);
    const label = `/api/history at ${HISTORY_ORDERS.toLocaleString('en-US')} orders`;
    return {
      figures: [
        { figure: `${label}: p50`, value: percentile(all, 0.5), unit: 'ms' },
        { figure: `${label}: p95`, value: percentile(all, 0.95), unit: 'ms', target: { atMost: 100 } },
      ],
      details: { orders: HISTORY_ORDERS, byKind },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  console.log(
    `journal bench${quick ? ' (quick)' : ''}: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start; seed ${SEED}`,
  );
  console.log('\nrestart …');
  const worst = await defaultsWorstCase();
  const replay = await noCheckpoint();
  const restart = { figures: [...worst.figures, ...replay.figures], details: { defaults: worst.details, noCheckpoint: replay.details } };
  console.log('\nhistory …');
  const history = await historyFigures();
  const checked = printFigures('journal (issue 15)', [...restart.figures, ...history.figures]);
  console.log(
    `\nresults: ${writeResults(quick ? 'journal-quick' : 'journal', checked, { restart: restart.details, history: history.details })}`,
  );
  return allMet(checked) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
