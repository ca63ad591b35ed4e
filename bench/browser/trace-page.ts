import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { distDir } from './build-pages';
import { postChunks, startFeeder } from './feeder';
import { spawnRelay } from './spawn-relay';
import { WorkloadStream } from './workload';

/**
 * tsx bench/browser/trace-page.ts [orders] [rate] [seconds] [--skip-build]
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
  readonly args?: { readonly name?: string; readonly data?: { readonly clip?: readonly number[]; readonly nodeId?: number; readonly layerId?: number } };
}

const [orders = 100_000, rate = 5_000, seconds = 8] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
const relay = await spawnRelay({ distDir: distDir('orderwatch'), keepTerminal: 10_000_000 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
try {
  const stream = new WorkloadStream({ name: 'trace', orders, rate }, 42, Date.now() - 3_600_000);
  await postChunks(relay.url, stream.preload());
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(relay.url);
  await page.waitForFunction(() => window.__orderwatch?.status() === 'LIVE', undefined, { timeout: 120_000 });
  const feeder = startFeeder(relay.url, stream, rate);
  await new Promise((r) => setTimeout(r, 3_000));
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
  for (const e of onMain) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) top += e.dur!;
    else self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  console.log(`${orders} orders × ${rate}/s, ${seconds} s traced (${threadName.get(`${main.pid}:${main.tid}`) ?? 'main'}): ${(top / 1000 / seconds).toFixed(0)} ms/s busy in top-level tasks`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000 / seconds).toFixed(1).padStart(8)} ms/s  ${name}`);
  // Paint by painted area: what keeps repainting (a big clip every frame is the usual culprit).
  const paints = onMain.filter((e) => e.name === 'Paint');
  const byClip = new Map<string, { n: number; us: number }>();
  for (const p of paints) {
    const c = p.args?.data?.clip ?? [];
    const xs = c.filter((_, i) => i % 2 === 0);
    const ys = c.filter((_, i) => i % 2 === 1);
    const key = xs.length === 0 ? '?' : `${Math.min(...xs)},${Math.min(...ys)} ${Math.max(...xs) - Math.min(...xs)}×${Math.max(...ys) - Math.min(...ys)} layer ${p.args?.data?.layerId ?? '?'}`;
    const entry = byClip.get(key) ?? { n: 0, us: 0 };
    entry.n++;
    entry.us += p.dur ?? 0;
    byClip.set(key, entry);
  }
  console.log(`paints: ${(paints.length / seconds).toFixed(0)}/s; by clip rect:`);
  for (const [key, e] of [...byClip].sort((a, b) => b[1].us - a[1].us).slice(0, 12)) console.log(`  ${(e.n / seconds).toFixed(1).padStart(6)}/s ${(e.us / 1000 / seconds).toFixed(1).padStart(7)} ms/s  ${key}`);
} finally {
  await browser.close();
  await relay.stop();
}
