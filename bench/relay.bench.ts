/**
 * `npm run bench:relay [-- --quick]`: the relay end to end on loopback (issue 3 §8).
 *
 * The relay runs in its own process (bench/relay-child.ts: `startRelay`, as `npm start` does,
 * without the paper engine), so the poster and the stream readers in this process never share
 * its event loop. One poster sends a seeded event-mix stream; N stream clients read it.
 * Figures are printed beside their targets and written to bench/results/relay.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './lib/figures';
import { allMet, printFigures } from './lib/figures';
import { hasFlag } from './lib/measure';
import { writeResults } from './lib/results';
import type { ChildMemory } from './relay-child';
import type { RelayProcess } from './relay-process';
import { spawnRelay } from './relay-process';
import type { IngestResult, LatencyResult, MemoryPoints } from './relay-runs';
import { runLatency, runMaxIngest } from './relay-runs';

const quick = hasFlag('--quick');
const SEED = 20_261_203;
/** Small caps so the bounded structures fill within seconds and "flat" can be seen in a short run. */
const RELAY = { logSize: 20_000, keepTerminal: 5_000, heartbeatMs: 5_000 } as const;
const INGEST_EVENTS = quick ? 150_000 : 600_000;
const LATENCY_SECONDS = quick ? 6 : 20;
const RATE = 5_000;
const CLIENT_COUNTS = [1, 10, 100] as const;
/** Heap growth allowed over a run's second half, once its bounded structures are full. */
const FLAT_HEAP_MB = 8;

const mb = (bytes: number): number => bytes / (1024 * 1024);

/** `journal`: the relay writes its SQLite journal in a fresh temp directory (the default of `npm start`). */
async function withRelay<T>(run: (relay: RelayProcess) => Promise<T>, journal = false): Promise<T> {
  const dir = journal ? mkdtempSync(join(tmpdir(), 'orderwatch-bench-')) : undefined;
  const relay = await spawnRelay({ ...RELAY, dataDir: dir ?? 'none' });
  try {
    return await run(relay);
  } finally {
    await relay.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

function memoryLine(label: string, m: MemoryPoints): string {
  const point = (p: ChildMemory): string => `heap ${mb(p.heapUsed).toFixed(1)} MB, RSS ${mb(p.rss).toFixed(0)} MB`;
  return `  ${label}: start ${point(m.start)} | mid ${point(m.mid)} | end ${point(m.end)}`;
}

function memoryFigures(label: string, m: MemoryPoints): Figure[] {
  return [
    { figure: `${label}: relay heap start → end (after GC)`, value: mb(m.end.heapUsed - m.start.heapUsed), unit: 'MB' },
    {
      figure: `${label}: relay heap growth, 2nd half (after GC)`,
      value: mb(m.end.heapUsed - m.mid.heapUsed),
      unit: 'MB',
      target: { atMost: FLAT_HEAP_MB },
    },
  ];
}

function ingestFigures(r: IngestResult, journal: string): Figure[] {
  return [
    { figure: `ingest, 1 stream client, ${journal}`, value: r.ingestPerSec, unit: 'ev/s', target: { atLeast: 50_000 } },
    { figure: 'delivered to the client', value: r.deliveredPerSec, unit: 'ev/s' },
    { figure: 'relay CPU per event (ingest + 1 stream)', value: r.relayCpuUsPerEvent, unit: 'µs' },
    { figure: 'relay capacity on one free core (1 / CPU per event)', value: 1e6 / r.relayCpuUsPerEvent, unit: 'ev/s' },
    ...memoryFigures(`max ingest, ${journal}`, r.memory),
  ];
}

function latencyFigures(r: LatencyResult): Figure[] {
  const label = `${RATE.toLocaleString('en-US')} ev/s → ${r.clients} client${r.clients === 1 ? '' : 's'} (journal on)`;
  return [
    { figure: `${label}: p50 ingest→client`, value: r.p50Ms, unit: 'ms' },
    { figure: `${label}: p99 ingest→client`, value: r.p99Ms, unit: 'ms', target: { atMost: 50 } },
    { figure: `${label}: clients complete`, value: r.complete, unit: `of ${r.clients}`, target: { atLeast: r.clients } },
    ...memoryFigures(label, r.memory),
  ];
}

async function main(): Promise<number> {
  const load = loadavg()[0]!;
  console.log(
    `relay bench${quick ? ' (quick)' : ''}: relay in a child process on 127.0.0.1 (log-size ${RELAY.logSize}, keep-terminal ${RELAY.keepTerminal}); ` +
      `seeded event-mix stream, seed ${SEED}; ${cpus().length} cores, load average ${load.toFixed(1)} at start`,
  );
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {
    quick,
    seed: SEED,
    loadAverageAtStart: load,
    relay: RELAY,
    setup: 'relay child process (bench/relay-child.ts), poster and readers in the bench process',
  };

  // Journal off and on, alternated (A B B A; A B with --quick) so drift on a shared machine falls on both.
  const ingests: { journal: boolean; result: IngestResult }[] = [];
  for (const journal of quick ? [false, true] : [false, true, true, false]) {
    const label = journal ? 'journal on' : 'journal off';
    console.log(`\nmax ingest, ${label}: ${INGEST_EVENTS.toLocaleString('en-US')} events in 2,000-line POSTs, one stream client …`);
    const result = await withRelay((relay) => runMaxIngest(relay, SEED, INGEST_EVENTS), journal);
    console.log(`  ${result.ingestPerSec.toFixed(0)} ev/s`);
    console.log(memoryLine('relay memory', result.memory));
    ingests.push({ journal, result });
  }
  for (const journal of [false, true]) {
    const runs = ingests.filter((r) => r.journal === journal).map((r) => r.result);
    // The slower of its runs: the figure a desk can count on.
    const worst = runs.reduce((a, b) => (b.ingestPerSec < a.ingestPerSec ? b : a));
    figures.push(...ingestFigures(worst, journal ? 'journal on' : 'journal off'));
  }
  details.ingest = ingests;

  const latency: LatencyResult[] = [];
  for (const clients of CLIENT_COUNTS) {
    console.log(`\nlatency: ${RATE.toLocaleString('en-US')} ev/s for ${LATENCY_SECONDS} s to ${clients} client(s) …`);
    // The journal is on, as with `npm start`.
    const r = await withRelay(
      (relay) => runLatency(relay, { clients, ratePerSec: RATE, seconds: LATENCY_SECONDS, seed: SEED, warmupMs: 1_000 }),
      true,
    );
    console.log(
      `  sent ${r.sent.toLocaleString('en-US')} at ${r.achievedPerSec.toFixed(0)} ev/s; ${r.samples.toLocaleString('en-US')} samples; ` +
        `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms; dropped by relay ${r.droppedByRelay}`,
    );
    console.log(
      `  relay arrival→client p50 ${r.relayToClientP50Ms.toFixed(1)} ms, p99 ${r.relayToClientP99Ms.toFixed(1)} ms (ms clock); ` +
        `POST round trip p50 ${r.postP50Ms.toFixed(1)} ms, p99 ${r.postP99Ms.toFixed(1)} ms; ` +
        `CPU: relay ${(r.relayCpuShare * 100).toFixed(0)}% of a core, bench process ${(r.benchCpuShare * 100).toFixed(0)}%`,
    );
    console.log(memoryLine('relay memory', r.memory));
    figures.push(...latencyFigures(r));
    latency.push(r);
  }
  details.latency = latency;

  const checked = printFigures('relay (issue 3 §8)', figures);
  console.log(`\nresults: ${writeResults(quick ? 'relay-quick' : 'relay', checked, details)}`);
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
