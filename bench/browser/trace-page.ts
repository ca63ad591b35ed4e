import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { join } from 'node:path';
import { DIST_BENCH, distDir } from './build-pages';
import { postChunks, startFeeder } from './feeder';
import { SCROLL_GRID_EACH_FRAME } from './scroll-script';
import { spawnRelay } from './spawn-relay';
import { WorkloadStream } from './workload';

/**
 * tsx bench/browser/trace-page.ts [orders] [rate] [seconds] [--profile-build]
 * Where the page's main thread goes under a workload, by Chromium trace event (script, style,
 * layout, paint, GC …): the CPU profile alone lumps style, layout and paint into "(program)".
 * Runs the production build of our page (dist-bench/orderwatch, built by bench:browser).
 */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly clip?: readonly number[];
      readonly nodeId?: number;
      readonly layerId?: number;
      readonly functionName?: string;
      readonly url?: string;
      readonly lineNumber?: number;
    };
  };
}

const [orders = 100_000, rate = 5_000, seconds = 8] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
// --profile-build: the unminified build (made by first-render-profile.ts), for function names.
// DIST=dir: another build of the page (an A/B comparison of two commits).
const build =
  process.env.DIST ?? (process.argv.includes('--profile-build') ? join(DIST_BENCH, 'orderwatch-profile') : distDir('orderwatch'));
const relay = await spawnRelay({ distDir: build, keepTerminal: 10_000_000 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
try {
  const stream = new WorkloadStream({ name: 'trace', orders, rate }, 42, Date.now() - 3_600_000);
  await postChunks(relay.url, stream.preload());
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(relay.url);
  await page.waitForFunction(() => window.__orderwatch?.status() === 'LIVE', undefined, { timeout: 120_000 });
  const feeder = startFeeder(relay.url, stream, rate);
  // SETTLE_S: past the snapshot's one-off work (stats rebuild, first scans) before tracing.
  await new Promise((r) => setTimeout(r, Number(process.env.SETTLE_S ?? 3) * 1000));
  // SCROLL=1: trace while the table scrolls a row per frame (what bench:browser's scroll pass does).
  if (process.env.SCROLL === '1') {
    await page.evaluate(SCROLL_GRID_EACH_FRAME);
  }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const buffer = await browser.stopTracing();
  await feeder.stop();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name !== undefined) threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  // The renderer's main thread: the one running the page's animation frames.
  const main = events.find((e) => e.name === 'FireAnimationFrame' || e.name === 'FunctionCall');
  if (main === undefined) throw new Error('no renderer main thread events');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  // Self time per event name: an event's duration minus its direct children's.
  onMain.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let top = 0;
  const tops: { e: TraceEvent; kids: Map<string, number> }[] = [];
  for (const e of onMain) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      top += e.dur!;
      tops.push({ e, kids: new Map() });
    } else if (stack.length === 1 || e.name === 'FunctionCall') {
      // A long task's make-up: its direct children, and every script call by function.
      const fn = e.args?.data?.functionName;
      const key = e.name === 'FunctionCall' && fn !== undefined ? `${fn || '(anonymous)'}:${e.args?.data?.lineNumber ?? '?'}` : e.name;
      const kids = tops[tops.length - 1]!.kids;
      kids.set(key, (kids.get(key) ?? 0) + e.dur!);
    } else self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  console.log(
    `${orders} orders × ${rate}/s, ${seconds} s traced (${threadName.get(`${main.pid}:${main.tid}`) ?? 'main'}): ${(top / 1000 / seconds).toFixed(0)} ms/s busy in top-level tasks`,
  );
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${(us / 1000 / seconds).toFixed(1).padStart(8)} ms/s  ${name}`);
  // Long tasks: what makes the latency tail (an event waits for the task in progress).
  const durations = tops.map((t) => t.e.dur! / 1000).sort((a, b) => a - b);
  const pct = (q: number): string => (durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0).toFixed(1);
  const longMs = durations.filter((d) => d > 50).reduce((a, d) => a + d, 0);
  // Frames the main thread produced: one Commit (to the compositor) each.
  console.log(`main-thread frames: ${(onMain.filter((e) => e.name === 'Commit').length / seconds).toFixed(1)}/s`);
  console.log(
    `top-level tasks: ${(durations.length / seconds).toFixed(0)}/s, p50 ${pct(0.5)} p95 ${pct(0.95)} p99 ${pct(0.99)} max ${pct(1)} ms; over 50 ms: ${durations.filter((d) => d > 50).length} (${(longMs / seconds).toFixed(0)} ms/s)`,
  );
  for (const t of [...tops].sort((a, b) => b.e.dur! - a.e.dur!).slice(0, Number(process.env.LONG_TASKS ?? 6))) {
    const parts = [...t.kids]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`);
    console.log(`  ${(t.e.dur! / 1000).toFixed(1).padStart(6)} ms ${t.e.name}: ${parts.join(' | ')}`);
  }
  // Paint by painted area: what keeps repainting (a big clip every frame is the usual culprit).
  const paints = onMain.filter((e) => e.name === 'Paint');
  const byClip = new Map<string, { n: number; us: number }>();
  for (const p of paints) {
    const c = p.args?.data?.clip ?? [];
    const xs = c.filter((_, i) => i % 2 === 0);
    const ys = c.filter((_, i) => i % 2 === 1);
    const key =
      xs.length === 0
        ? '?'
        : `${Math.min(...xs)},${Math.min(...ys)} ${Math.max(...xs) - Math.min(...xs)}×${Math.max(...ys) - Math.min(...ys)} layer ${p.args?.data?.layerId ?? '?'}`;
    const entry = byClip.get(key) ?? { n: 0, us: 0 };
    entry.n++;
    entry.us += p.dur ?? 0;
    byClip.set(key, entry);
  }
  console.log(`paints: ${(paints.length / seconds).toFixed(0)}/s; by clip rect:`);
  for (const [key, e] of [...byClip].sort((a, b) => b[1].us - a[1].us).slice(0, 12))
    console.log(`  ${(e.n / seconds).toFixed(1).padStart(6)}/s ${(e.us / 1000 / seconds).toFixed(1).padStart(7)} ms/s  ${key}`);
} finally {
  await browser.close();
  await relay.stop();
}
