/**
 * `npm run bench:cluster-snapshot [-- --events N --runs N]`: the cluster snapshot of the book
 * `bench:cluster` builds (1,000,000 events, the relay's default 50,000 finished orders kept),
 * without Redis: writing it (encode + gzip, a first time and again after 5,000 more events and a
 * cleanup) and reading it
 * back as a restarting relay does (gunzip + decode + restore). Those are most of a restart's
 * "snapshot + tail" time and a share of every relay's CPU while events flow; this weighs a
 * change to them in a minute rather than through the full cluster benchmark.
 */
import { cpus, loadavg } from 'node:os';
import { applyEvent } from '../src/core/apply';
import { createBook } from '../src/core/book';
import { cleanup } from '../src/core/cleanup';
import { decodeSnapshot, snapshotLines } from '../src/server/redis/snapshot-codec';
import { gzipLines, snapshotBytes } from '../src/server/redis/snapshot-gzip';
import { engineStream } from './cluster-posters';
import { numberFlag } from './lib/measure';

const EVENTS = numberFlag('--events', 1_000_000);
const RUNS = numberFlag('--runs', 3);
const KEEP_TERMINAL = 50_000;
const POSITION = { stream: 'ow:{bench}:2026-11-24', id: '1764000000000-0', rseq: EVENTS };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Wall ms of `work`, after a full GC so one step's garbage is not billed to the next. */
async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  gc();
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  console.log(`bench:cluster-snapshot: ${EVENTS.toLocaleString('en-US')} events, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  const engines = [0, 1, 2].map((i) => engineStream(100 + i, `max${i}`));
  const book = createBook();
  for (let i = 0; i < EVENTS; i++) {
    applyEvent(book, engines[i % 3]!.next().value);
    // As the relay does once a second (its default --keep-terminal).
    if (i % 5_000 === 0) cleanup(book, KEEP_TERMINAL);
  }
  const rows: string[][] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh book each run: the block cache belongs to the book, and the first write fills it.
    const live = decodeSnapshot(await snapshotBytes(await gzipLines(snapshotLines(book, POSITION, 0), () => undefined)));
    if ('error' in live) throw new Error(live.error);
    const first = await timed(() => gzipLines(snapshotLines(live.book, POSITION, 0), () => undefined));
    for (let i = 0; i < 5_000; i++) applyEvent(live.book, engines[i % 3]!.next().value);
    cleanup(live.book, KEEP_TERMINAL);
    const again = await timed(() => gzipLines(snapshotLines(live.book, POSITION, 0), () => undefined));
    const gunzip = await timed(() => snapshotBytes(first.value));
    const decode = await timed(() => decodeSnapshot(gunzip.value));
    if ('error' in decode.value) throw new Error(decode.value.error);
    rows.push([
      String(run + 1),
      `${live.book.orders.size.toLocaleString('en-US')}`,
      `${(first.value.length / 1e6).toFixed(1)} / ${(gunzip.value.length / 1e6).toFixed(1)} MB`,
      first.ms.toFixed(0),
      again.ms.toFixed(0),
      gunzip.ms.toFixed(0),
      decode.ms.toFixed(0),
    ]);
  }
  const head = ['run', 'orders', 'gzipped / JSON', 'write ms (first)', 'write ms (5,000 events on)', 'gunzip ms', 'decode + restore ms'];
  console.log(head.join(' | '));
  for (const row of rows) console.log(row.join(' | '));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
