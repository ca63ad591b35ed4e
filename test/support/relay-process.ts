import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RelayProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** SIGKILL: a crash, no goodbye to clients or Redis. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s): the relay's clean shutdown. */
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/**
 * `src/server/main.ts` as a child process (what `npm start` runs, minus the build), for tests
 * and benchmarks that must crash a relay for real. Resolves once it prints its URL.
 */
export async function startRelayProcess(
  args: readonly string[],
  timeoutMs = 30_000,
  env: Record<string, string> = {},
): Promise<RelayProcess> {
  // Never the project's ./data: a journal of its own unless the test names one (to restart with it).
  const dataDir = args.includes('--data-dir') ? [] : ['--data-dir', mkdtempSync(join(tmpdir(), 'orderwatch-test-'))];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/main.ts', '--port', '0', '--log-level', 'warn', ...dataDir, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      // Not left running: a hung relay would hold its port and journal for the rest of the run.
      child.kill('SIGKILL');
      fail(new Error(`relay did not start in ${timeoutMs} ms: ${output.slice(-500)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`relay exited with ${code}: ${output.slice(-500)}`));
    });
  });
  // Keep draining so a chatty child never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url,
    port: Number(new URL(url).port),
    child,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      // A frozen relay (SIGSTOP, in the fault tests) must run again to hear SIGTERM.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
