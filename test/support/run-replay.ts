import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const PEAK_RSS_PRELOAD = join(ROOT, 'test/support/peak-rss-on-exit.mjs');

export interface ReplayRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak RSS of the CLI process in bytes, when asked for. */
  readonly peakRssBytes?: number;
}

export interface ReplayOptions {
  /** `tsx`: exactly `node_modules/.bin/tsx src/cli/replay.ts`; otherwise a bundle from bundleReplayCli. */
  readonly cli: 'tsx' | { readonly bundle: string };
  /** Text, or a writer that feeds stdin itself (honouring backpressure) and resolves when done. */
  readonly stdin?: string | ((stdin: NodeJS.WritableStream) => Promise<void>);
  /** Bundle only: flags for node itself, and a peak-RSS report written as the process exits. */
  readonly nodeFlags?: readonly string[];
  readonly measurePeakRss?: boolean;
  readonly timeoutMs?: number;
}

function command(options: ReplayOptions, rssPreload: boolean): [string, string[]] {
  if (options.cli === 'tsx') return [join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/replay.ts']];
  const preload = rssPreload ? ['--import', PEAK_RSS_PRELOAD] : [];
  return [process.execPath, [...(options.nodeFlags ?? []), ...preload, options.cli.bundle]];
}

/** Runs the replay CLI as a child process and collects what it printed. */
export function runReplay(args: readonly string[], options: ReplayOptions): Promise<ReplayRun> {
  const dir = options.measurePeakRss === true ? mkdtempSync(join(tmpdir(), 'replay-rss-')) : undefined;
  const rssFile = dir === undefined ? undefined : join(dir, 'peak-rss');
  const [bin, pre] = command(options, rssFile !== undefined);
  const child = spawn(bin, [...pre, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...(rssFile === undefined ? {} : { PEAK_RSS_FILE: rssFile }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  // The CLI may exit before reading all of stdin (bad flags): a closed pipe is not a test failure.
  child.stdin.on('error', () => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);

  const feeding =
    options.stdin === undefined
      ? Promise.resolve(void child.stdin.end())
      : typeof options.stdin === 'string'
        ? Promise.resolve(void child.stdin.end(options.stdin))
        : options.stdin(child.stdin).then(() => void child.stdin.end());

  return new Promise<ReplayRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      feeding.then(
        () => {
          const peak = rssFile === undefined ? undefined : Number(readFileSync(rssFile, 'utf8')) * 1024;
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
          const run = { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
          resolveRun(peak === undefined ? run : { ...run, peakRssBytes: peak });
        },
        (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  });
}
