import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DIST_BENCH } from './build-pages';
import { postChunks } from './feeder';
import { installInstruments } from './page-instruments';
import { spawnRelay } from './spawn-relay';
import { PROBE_BASE, WorkloadStream } from './workload';

/**
 * tsx bench/browser/first-render-profile.ts [orders] [runs] [--skip-build] [--timeline]
 * Where the first render of a big snapshot goes: the relay writing the snapshot (timed by a
 * plain Node reader), then the page from navigation to the probe's first value on screen with a
 * CPU profile over it, grouped by function. For finding what to fix; bench:browser measures.
 */
interface Node {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly Node[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Phases of the first render, by the functions that do them (unminified names). */
const PHASES: readonly (readonly [string, RegExp])[] = [
  ['stream read', /^(readSse|feed|concat|hasLineBreak|processLines|onMessage)$/],
  ['snapshot decode', /^(parseJson\$?\d*|ordersFromColumns|readOrder|readHistory|readFills|wellFormed|parseHead|text|timeOrNull)$/],
  ['book restore', /^(restoreBook|applySnapshot)$/],
  ['idle', /^\(idle\)$/],
  ['gc', /^\(garbage collector\)$/],
];

function phaseOf(name: string): string {
  for (const [phase, pattern] of PHASES) if (pattern.test(name)) return phase;
  return 'other (page load, render, derived state)';
}

const args = process.argv.slice(2);
const [orders = 100_000, runs = 2] = args.filter((a) => !a.startsWith('--')).map(Number);
const ROOT = resolve(import.meta.dirname, '../..');
const dir = join(DIST_BENCH, 'orderwatch-profile');
if (!args.includes('--skip-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--minify', 'false', '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Time to the first byte and to the end of the snapshot message, and its size, read by Node. */
function readSnapshot(url: string): Promise<{ firstByteMs: number; doneMs: number; bytes: number }> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const req = get(`${url}/api/stream`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      let firstByteMs = -1;
      let bytes = 0;
      let head = '';
      let tail = '';
      res.on('data', (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - t0;
        bytes += chunk.length;
        const text = chunk.toString('latin1');
        if (head.length < 4096) head += text.slice(0, 4096);
        tail = (tail + text).slice(-256);
        // v2 ends with the first blank line after `snapshot_end`; v1 (one message) with the first
        // blank line after `snapshot`, so the before/after comparison can run the old relay too.
        const v1 = head.includes('event: snapshot\n') && !head.includes('"v":2');
        const marker = v1 ? 'event: snapshot\n' : 'event: snapshot_end';
        const from = v1 ? head.indexOf(marker) : tail.indexOf(marker);
        if (from === -1) return;
        if (v1 ? !(head.slice(from) + (bytes > head.length ? tail : '')).includes('\n\n') : !tail.slice(from).includes('\n\n')) return;
        req.destroy();
        done({ firstByteMs, doneMs: performance.now() - t0, bytes });
      });
      res.on('error', fail);
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : fail(e)));
  });
}

const relay = await spawnRelay({ distDir: dir, keepTerminal: 10_000_000 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
try {
  const stream = new WorkloadStream({ name: 'first-render', orders, rate: 0 }, 42, Date.now() - 3_600_000);
  await postChunks(relay.url, stream.preload());
  for (let run = 1; run <= runs; run++) {
    const node = await readSnapshot(relay.url);
    console.log(
      `run ${run}: relay → Node reader: first byte ${node.firstByteMs.toFixed(0)} ms, whole snapshot ${node.doneMs.toFixed(0)} ms, ${(node.bytes / 1_048_576).toFixed(1)} MB`,
    );
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const probe = JSON.stringify({ pattern: '7,7\\d\\d,\\d\\d\\d\\.00', base: PROBE_BASE });
    await page.addInitScript({ content: `var __name = (f) => f; (${installInstruments.toString()})(${probe});` });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const requests: string[] = [];
    const navStart = performance.now();
    page.on(
      'request',
      (r) => void (r.url().includes('/api/stream') && requests.push(`stream opened ${(performance.now() - navStart).toFixed(0)} ms`)),
    );
    page.on('requestfinished', (r) => requests.push(`${new URL(r.url()).pathname} done ${(performance.now() - navStart).toFixed(0)} ms`));
    await page.goto(relay.url);
    const firstAt = await page.waitForFunction(() => window.__bench!.seen[0], undefined, { timeout: 120_000, polling: 20 });
    const origin = await page.evaluate(() => performance.timeOrigin);
    const firstRenderMs = ((await firstAt.jsonValue()) as number) - origin;
    // Main-thread task time up to the first render (wall time inside tasks: it grows with the
    // machine's load too, but not with time the page spent waiting for bytes).
    const { metrics } = await cdp.send('Performance.getMetrics');
    const busyMs = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    console.log(`run ${run}: first full render ${firstRenderMs.toFixed(0)} ms, main thread busy ${busyMs.toFixed(0)} ms by then`);
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const f = byNode.get(id)!.callFrame;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      total += dt;
      const key = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
      self.set(key, (self.get(key) ?? 0) + dt);
    });
    // When each phase ran: first and last sample, ms from the start of profiling (just before navigation).
    const phases = new Map<string, { ms: number; first: number; last: number }>();
    let clock = 0;
    profile.samples.forEach((id, i) => {
      clock += (profile.timeDeltas[i] ?? 0) / 1000;
      const f = byNode.get(id)!.callFrame;
      const key = phaseOf(f.functionName);
      const p = phases.get(key) ?? { ms: 0, first: clock, last: clock };
      p.ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
      p.last = clock;
      phases.set(key, p);
    });
    if (args.includes('--timeline')) printTimeline(profile, byNode, requests);
    for (const [key, p] of phases)
      console.log(`  ${key.padEnd(42)} ${p.ms.toFixed(0).padStart(6)} ms, from ${p.first.toFixed(0)} to ${p.last.toFixed(0)} ms`);
    // What runs before the snapshot is read, and after the book is restored.
    const readFrom = phases.get('stream read')?.first ?? 0;
    const restoredAt = phases.get('book restore')?.last ?? Number.POSITIVE_INFINITY;
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    clock = 0;
    profile.samples.forEach((id, i) => {
      clock += (profile.timeDeltas[i] ?? 0) / 1000;
      const f = byNode.get(id)!.callFrame;
      const target = clock < readFrom ? before : clock > restoredAt ? after : null;
      if (target === null) return;
      const key = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
      target.set(key, (target.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    });
    const top = (m: Map<string, number>): string =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(' | ');
    console.log(`  before the snapshot is read: ${top(before)}`);
    console.log(`  after the book is restored: ${top(after)}`);
    const idle = self.get('(idle)') ?? 0;
    console.log(`  profiled ${total.toFixed(0)} ms, of which idle ${idle.toFixed(0)} ms; top self time:`);
    for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
    await context.close();
  }
} finally {
  await browser.close();
  await relay.stop();
}

/** --timeline: busy ms per 200 ms of the profile by phase, and when each request started (the stream) or finished: what waits for what. */
function printTimeline(profile: Profile, byNode: Map<number, Node>, requests: readonly string[]): void {
  const buckets = new Map<number, Map<string, number>>();
  let clock = 0;
  profile.samples.forEach((id, i) => {
    clock += (profile.timeDeltas[i] ?? 0) / 1000;
    const f = byNode.get(id)!.callFrame;
    const phase = phaseOf(f.functionName);
    const key = phase.startsWith('other') ? f.functionName || '(anonymous)' : phase;
    const bucket = buckets.get(Math.floor(clock / 200)) ?? new Map<string, number>();
    bucket.set(key, (bucket.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    buckets.set(Math.floor(clock / 200), bucket);
  });
  for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
    const top = [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' | ');
    console.log(`  ${String(b * 200).padStart(5)} ms: ${top}`);
  }
  console.log(`  requests: ${requests.join('; ')}`);
}
