/**
 * `npm run bench:journal [-- --quick]`: the relay's SQLite journal (issue 15).
 *
 * 1. Restart → ready: a relay process (`src/server/main.ts`, as `npm start` runs it) journals
 *    1,000,000 events with checkpoints off and is killed (kill -9), so the restart here must
 *    replay every one of them: the worst case. Then a clean stop (which writes a checkpoint) and
 *    a restart that reads the checkpoint instead. Bytes per journaled event on disk.
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

async function restartFigures(): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
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
    const source = eventSource(SEED);
    const t0 = performance.now();
    for (let sent = 0; sent < EVENTS; sent += 2_000) {
      let body = '';
      for (let i = 0; i < 2_000 && sent + i < EVENTS; i++) body += toNdjsonLine(source.next().value as Parameters<typeof toNdjsonLine>[0]);
      await post(child.url, body);
    }
    const ingestS = (performance.now() - t0) / 1000;
    await child.kill();
    console.log(`  journaled ${EVENTS.toLocaleString('en-US')} events at ${(EVENTS / ingestS).toFixed(0)} ev/s, then kill -9`);

    const started = performance.now();
    const relay = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    const replayMs = performance.now() - started;
    const stats = relay.journal!.stats();
    const orders = relay.state.book.orders.size;
    console.log(
      `  restart → ready, replaying all: ${replayMs.toFixed(0)} ms (${relay.restored?.events.toLocaleString('en-US')} events, ${orders.toLocaleString('en-US')} orders in the book)`,
    );
    const closing = performance.now();
    await relay.close();
    const checkpointMs = performance.now() - closing;
    const again = performance.now();
    const second = await startRelay({ port: 0, logLevel: 'silent', dataDir: dir });
    const fromCheckpointMs = performance.now() - again;
    console.log(
      `  clean stop (writes a checkpoint) ${checkpointMs.toFixed(0)} ms; restart → ready from it: ${fromCheckpointMs.toFixed(0)} ms`,
    );
    await second.close();
    return {
      figures: [
        {
          figure: `restart → ready, ${EVENTS.toLocaleString('en-US')} events to replay (no checkpoint)`,
          value: replayMs / 1000,
          unit: 's',
          target: { atMost: 3 },
        },
        { figure: 'restart → ready from a checkpoint of that book', value: fromCheckpointMs / 1000, unit: 's', target: { atMost: 3 } },
        { figure: 'journal bytes per event (database + WAL)', value: stats.bytes / stats.events, unit: 'B' },
        { figure: 'journaled ingest into a relay process', value: EVENTS / ingestS, unit: 'ev/s' },
      ],
      details: { events: EVENTS, replayMs, fromCheckpointMs, checkpointMs, journalBytes: stats.bytes, orders },
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
  const restart = await restartFigures();
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
