import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The real relay (`src/server/main.ts --no-sim`) as a child whose process the test may freeze or kill. */
export interface RelayChild {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGKILL: no goodbye to the streams, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

export async function startRelayChild(options: {
  port?: number;
  heartbeatMs: number;
  env?: Record<string, string>;
  /** The journal's directory; a new empty one by default. */
  dataDir?: string;
}): Promise<RelayChild> {
  const args = [
    '--data-dir',
    options.dataDir ?? mkdtempSync(join(tmpdir(), 'orderwatch-e2e-')),
    '--no-sim',
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--log-level',
    'warn',
    '--heartbeat-ms',
    String(options.heartbeatMs),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((found, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`relay did not start in 30 s: ${out}`)), 30_000);
    child.stderr?.on('data', (c: Buffer) => void (out += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        found(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`relay exited with ${code}: ${out}`));
    });
  });
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async kill() {
      if (gone()) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
