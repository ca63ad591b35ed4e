import { execFileSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DIST_BENCH } from './build-pages';
import { postChunks, startFeeder } from './feeder';
import { SCROLL_GRID_EACH_FRAME } from './scroll-script';
import { spawnRelay } from './spawn-relay';
import { WorkloadStream } from './workload';

/**
 * tsx bench/browser/profile-page.ts [orders] [rate] [seconds]   (env SCROLL=1: while the grid scrolls)
 * CPU profile of our page (unminified build, so names are readable) under a workload: prints the
 * functions with the most self time, by file. For finding what to fix when a goal is missed.
 */
interface Node {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly Node[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [orders = 100_000, rate = 5_000, seconds = 8] = process.argv.slice(2).map(Number);
const ROOT = resolve(import.meta.dirname, '../..');
const dir = join(DIST_BENCH, 'orderwatch-profile');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--minify', 'false', '--outDir', dir, '--emptyOutDir'], {
  cwd: ROOT,
  stdio: 'inherit',
});

const relay = await spawnRelay({ distDir: dir, keepTerminal: 10_000_000 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
try {
  const stream = new WorkloadStream({ name: 'profile', orders, rate }, 42, Date.now() - 3_600_000);
  await postChunks(relay.url, stream.preload());
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(relay.url);
  await page.waitForFunction(() => window.__orderwatch?.status() === 'LIVE', undefined, { timeout: 120_000 });
  const feeder = startFeeder(relay.url, stream, rate);
  // SETTLE_S: past the snapshot's one-off work (stats rebuild, first scans) before profiling.
  await new Promise((r) => setTimeout(r, Number(process.env.SETTLE_S ?? 3) * 1000));
  if (process.env.SCROLL === '1') await page.evaluate(SCROLL_GRID_EACH_FRAME);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await feeder.stop();
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const keyOf = (node: Node): string => {
    const f = node.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  // Inclusive: time with the function anywhere on the stack, counted once per sample.
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(keyOf(byNode.get(at)!));
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  });
  const idle = (self.get('(idle)') ?? 0) + (self.get('(program)') ?? 0);
  console.log(`${orders} orders × ${rate}/s, ${seconds} s profiled: ${(total - idle).toFixed(0)} ms not idle of ${total.toFixed(0)} ms`);
  console.log('self time:');
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
  console.log('inclusive time (our code and React entry points):');
  const shown = [...inclusive].filter(([k]) => !k.startsWith('(') && !/node_modules|chunk|react-dom/.test(k.split(' ')[1] ?? ''));
  for (const [key, ms] of shown.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40)))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
} finally {
  await browser.close();
  await relay.stop();
}
