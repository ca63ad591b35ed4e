import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { buildOrderwatchPage, distDir } from './browser/build-pages';
import { postChunks, startFeeder } from './browser/feeder';
import { spawnRelay } from './browser/spawn-relay';
import { compareStates, heapSlopeMbPer10Min } from './browser/soak-compare';
import type { HeapSample, OrdersReport } from './browser/soak-compare';
import { WorkloadStream } from './browser/workload';
import { writeResults } from './lib/results';

/**
 * npm run soak -- --minutes N [--rate 1000] [--keep-terminal 5000] [--seed 7]
 * A wall screen left on: the real page on a relay child with cleanup on, a seeded stream at
 * `rate` events/s, the heap after GC every 30 s; at the end the page, /api/orders and the replay
 * CLI over the same events must agree. See docs/benchmarks.md.
 */
const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at === -1) return fallback;
  const text = argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : argv[at + 1]!;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: want a number > 0, got ${text}`);
  return value;
};
const minutes = flag('--minutes', 2);
const rate = flag('--rate', 1_000);
const keepTerminal = flag('--keep-terminal', 5_000);
const seed = flag('--seed', 7);
const SAMPLE_EVERY_MS = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  if (!existsSync(join(distDir('orderwatch'), 'index.html')) || argv.includes('--build')) buildOrderwatchPage();
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const eventsFile = join(ROOT, '.tmp', `soak-events-${seed}.ndjson`);
  const out = createWriteStream(eventsFile);
  const tee = (text: string): void => void out.write(text);
  const relay = await spawnRelay({ distDir: distDir('orderwatch'), keepTerminal, heartbeatMs: 5_000 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
  const samples: HeapSample[] = [];
  try {
    const stream = new WorkloadStream({ name: 'soak', orders: 1_000, rate, abandon: false }, seed, Date.now());
    await postChunks(relay.url, stream.preload(), tee);
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(relay.url);
    await page.waitForFunction(() => window.__orderwatch?.status() === 'LIVE', undefined, { timeout: 60_000 });
    const feeder = startFeeder(relay.url, stream, rate, tee);
    const started = Date.now();
    console.log(`soak: ${minutes} min at ${rate} events/s, relay keeps ${keepTerminal} terminal orders; events in ${eventsFile}`);
    while (Date.now() - started < minutes * 60_000) {
      await sleep(Math.min(SAMPLE_EVERY_MS, started + minutes * 60_000 - Date.now()));
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const state = await page.evaluate(() => ({
        orders: window.__orderwatch!.summary().total_orders,
        dom: document.getElementsByTagName('*').length,
        status: window.__orderwatch!.status(),
      }));
      const sample = {
        minute: (Date.now() - started) / 60_000,
        heapMb: heap.usedSize / 1_048_576,
        orders: state.orders,
        domNodes: state.dom,
      };
      samples.push(sample);
      console.log(
        `  ${sample.minute.toFixed(1)} min: heap ${sample.heapMb.toFixed(1)} MB, ${sample.orders} orders in the page, ${sample.domNodes} elements, ${state.status}`,
      );
    }
    await feeder.stop();
    await new Promise<void>((done) => out.end(() => done()));
    const relayRseq = ((await (await fetch(`${relay.url}/api/healthz`)).json()) as { rseq: number }).rseq;
    await page.waitForFunction((rseq) => window.__orderwatch!.rseq() === rseq, relayRseq, { timeout: 120_000 });
    const relayReport = (await (await fetch(`${relay.url}/api/orders`)).json()) as OrdersReport;
    const pageOrders = await page.evaluate(() => ({ orders: window.__orderwatch!.orders(), summary: window.__orderwatch!.summary() }));
    const cli = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', eventsFile, '--keep-terminal', String(keepTerminal)], {
        cwd: ROOT,
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString(),
    ) as OrdersReport;
    const verdict = compareStates(pageOrders, relayReport, cli);
    const slope = heapSlopeMbPer10Min(samples);
    console.log('');
    console.log(
      `heap slope after warm-up: ${slope === null ? '— (too few samples)' : `${slope.toFixed(2)} MB per 10 min`} (target < 1 MB per 10 min) ${slope !== null && slope < 1 ? 'ok' : 'NO'}`,
    );
    for (const line of verdict.lines) console.log(line);
    const path = writeResults(`soak-${minutes}min`, [], {
      minutes,
      rate,
      keepTerminal,
      seed,
      slopeMbPer10Min: slope,
      samples,
      verdict: verdict.lines,
      identical: verdict.identical,
    });
    console.log(`results: ${path}`);
    return verdict.identical ? 0 : 1;
  } finally {
    await browser.close();
    await relay.stop();
  }
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
