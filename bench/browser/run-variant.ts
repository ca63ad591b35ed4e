import type { Browser, CDPSession, Page } from '@playwright/test';
import { postChunks, startFeeder } from './feeder';
import { installInstruments } from './page-instruments';
import { watchProbeArrivals } from './probe-arrivals';
import { spawnRelay } from './spawn-relay';
import type { Workload } from './workload';
import { PROBE_BASE, WorkloadStream } from './workload';

export type Variant = 'orderwatch' | 'aggrid' | 'perspective' | 'no-table';

export interface RunOptions {
  readonly seed: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly scrollMs: number;
  readonly distDir: (variant: Variant) => string;
}

export interface PhaseFigures {
  readonly latencyMs: readonly number[];
  readonly probesMissed: number;
  readonly busyMsPerSec: number;
  /** CPU of the page's renderer processes, every thread (workers included), ms per second. */
  readonly rendererCpuMsPerSec: number;
  readonly fps: number;
  readonly loafBlockingMsPerSec: number;
}

export interface RunResult {
  readonly variant: Variant;
  readonly workload: Workload;
  readonly firstRenderMs: number | null;
  readonly live: PhaseFigures;
  readonly scroll: PhaseFigures | null;
  readonly heapMb: number;
  readonly domNodes: number;
  readonly ordersInBook: number;
  readonly eventsPerSecSent: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** CPU seconds of every renderer process so far: the page's main thread, its workers, compositor and GC threads. */
async function rendererCpuSeconds(browserCdp: CDPSession): Promise<number> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/** Measures one phase of `ms`: CPU busy from CDP, frames and LoAF from the page, probe latency from both ends. */
async function phase(
  page: Page,
  cdp: CDPSession,
  browserCdp: CDPSession,
  ms: number,
  probesNow: () => number,
  arrivals: Map<number, number>,
): Promise<PhaseFigures> {
  const firstProbe = probesNow() + 1;
  await page.evaluate(() => window.__bench!.reset());
  const busy0 = await taskSeconds(cdp);
  const cpu0 = await rendererCpuSeconds(browserCdp);
  const t0 = performance.now();
  await sleep(ms);
  const busy1 = await taskSeconds(cdp);
  const cpu1 = await rendererCpuSeconds(browserCdp);
  const elapsed = (performance.now() - t0) / 1000;
  const lastProbe = probesNow() - 5; // the newest few may still be on their way
  const page1 = await page.evaluate(() => ({
    frames: window.__bench!.frames,
    loaf: window.__bench!.loafBlockingMs,
    since: window.__bench!.since,
    now: performance.now(),
    seen: window.__bench!.seen,
  }));
  const pageElapsed = (page1.now - page1.since) / 1000;
  // A probe value replaced before the page painted it is never on screen; it reached the screen
  // with the first later value that was (the operator saw that order's newer state).
  const latencyMs: number[] = [];
  let missed = 0;
  let shownAt = Number.POSITIVE_INFINITY;
  const shownFrom: number[] = [];
  for (let k = lastProbe + 20; k >= firstProbe; k--) {
    const seen = page1.seen[k];
    if (seen !== undefined) shownAt = Math.min(shownAt, seen);
    shownFrom[k] = shownAt;
  }
  for (let k = firstProbe; k <= lastProbe; k++) {
    const at = arrivals.get(k);
    const seen = shownFrom[k]!;
    if (at === undefined || !Number.isFinite(seen)) missed++;
    else latencyMs.push(seen - at);
  }
  return {
    latencyMs,
    probesMissed: missed,
    busyMsPerSec: ((busy1 - busy0) * 1000) / elapsed,
    rendererCpuMsPerSec: ((cpu1 - cpu0) * 1000) / elapsed,
    fps: page1.frames / pageElapsed,
    loafBlockingMsPerSec: page1.loaf / pageElapsed,
  };
}

/** One variant × workload: a fresh relay child, the same seeded preload, the page, then live and scrolling phases. */
export async function runVariant(browser: Browser, variant: Variant, workload: Workload, options: RunOptions): Promise<RunResult> {
  const relay = await spawnRelay({ distDir: options.distDir(variant), keepTerminal: 10_000_000, heartbeatMs: 5_000 });
  // Perspective compiles WebAssembly and runs its engine in a blob: worker, which the relay's
  // policy (script-src 'self') forbids; the shipped page never needs either.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: variant === 'perspective' });
  try {
    const stream = new WorkloadStream(workload, options.seed, Date.now() - 3_600_000);
    await postChunks(relay.url, stream.preload());
    const arrivals = await watchProbeArrivals(relay.url);
    const page = await context.newPage();
    // As text: tsx's esbuild wraps named functions in __name(), which the page does not have.
    const probe = JSON.stringify({ pattern: '7,7\\d\\d,\\d\\d\\d\\.00', base: PROBE_BASE });
    await page.addInitScript({ content: `var __name = (f) => f; (${installInstruments.toString()})(${probe});` });
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(relay.url);
    await page.waitForFunction(() => window.__orderwatch?.status() === 'LIVE', undefined, { timeout: 120_000 });
    let firstRenderMs: number | null = null;
    if (variant !== 'no-table') {
      const firstAt = await page.waitForFunction(() => window.__bench!.seen[0], undefined, { timeout: 120_000, polling: 50 });
      const origin = await page.evaluate(() => performance.timeOrigin);
      firstRenderMs = ((await firstAt.jsonValue()) as number) - origin;
    }
    const feeder = startFeeder(relay.url, stream, workload.rate);
    await sleep(options.warmupMs);
    const sentBefore = feeder.lines;
    const measureStart = performance.now();
    const live = await phase(page, cdp, browserCdp, options.measureMs, () => feeder.probes, arrivals.at);
    const eventsPerSecSent = ((feeder.lines - sentBefore) * 1000) / (performance.now() - measureStart);
    let scroll: PhaseFigures | null = null;
    if (options.scrollMs > 0 && variant !== 'no-table' && (await page.evaluate(() => window.__bench!.startScroll()))) {
      scroll = await phase(page, cdp, browserCdp, options.scrollMs, () => feeder.probes, arrivals.at);
      await page.evaluate(() => window.__bench!.stopScroll());
    }
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    const ordersInBook = await page.evaluate(() => window.__orderwatch!.summary().total_orders);
    await feeder.stop();
    arrivals.close();
    await browserCdp.detach();
    return { variant, workload, firstRenderMs, live, scroll, heapMb: heap.usedSize / 1_048_576, domNodes, ordersInBook, eventsPerSecSent };
  } finally {
    await context.close();
    await relay.stop();
  }
}
