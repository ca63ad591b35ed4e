import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from './support/eventually';

const ROOT = new URL('..', import.meta.url).pathname;
/** util-linux `script` gives the relay a pseudo-terminal for stdout, as a person's shell would. */
const SCRIPT = '/usr/bin/script';

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
});

/** main.ts at debug level, on a pipe or a terminal; resolves with its URL and what it has written so far. */
async function startMain(args: string[], env: Record<string, string>, tty: boolean): Promise<{ url: string; out: () => string }> {
  const command = ['node', '--import', 'tsx', 'src/server/main.ts', '--no-sim', '--port', '0', ...args];
  const child = tty
    ? spawn(SCRIPT, ['-qfec', command.join(' '), '/dev/null'], { cwd: ROOT, env: childEnv(env) })
    : spawn(command[0]!, command.slice(1), { cwd: ROOT, env: childEnv(env) });
  running.push(child);
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.resume();
  const url = await until(
    () => /listening on (http:\/\/\S+)/.exec(out)?.[1],
    'the relay to print its URL',
    60_000,
    () => `output so far: ${out.slice(-1000)}`,
  );
  return { url, out: () => out };
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Debug shows the request lines wherever they go, so both cases are seen by their level, not by an absence.
  return {
    ...process.env,
    LOG_LEVEL: 'debug',
    LOG_REQUESTS: '',
    INGEST_TOKEN: '',
    VIEW_TOKEN: '',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'orderwatch-reqlog-')),
    ...env,
  };
}

/** The pino level of the relay's log line for one GET of /api/healthz. */
async function healthzLevel(args: string[], env: Record<string, string>, tty: boolean): Promise<number> {
  const relay = await startMain(args, env, tty);
  expect((await fetch(`${relay.url}/api/healthz`)).status).toBe(200);
  const line = await until(
    () =>
      relay
        .out()
        .split(/\r?\n/)
        .find((l) => l.includes('"msg":"request"') && l.includes('"path":"/api/healthz"')),
    'the request log line of GET /api/healthz',
    60_000,
    () => `output so far: ${relay.out().slice(-1000)}`,
  );
  return (JSON.parse(line) as { level: number }).level;
}

const DEBUG = 20;
const INFO = 30;

describe('per-request log lines', { timeout: 90_000 }, () => {
  it('stdout not a terminal (a service, CI): every request at info, as before', async () => {
    expect(await healthzLevel([], {}, false)).toBe(INFO);
  });

  it.skipIf(!existsSync(SCRIPT))('started from a terminal: requests only at debug, so the default info level shows none', async () => {
    expect(await healthzLevel([], {}, true)).toBe(DEBUG);
  });

  it.skipIf(!existsSync(SCRIPT))('started from a terminal with --log-requests or LOG_REQUESTS=1: at info again', async () => {
    expect(await healthzLevel(['--log-requests'], {}, true)).toBe(INFO);
    expect(await healthzLevel([], { LOG_REQUESTS: '1' }, true)).toBe(INFO);
  });

  it('LOG_REQUESTS=0 turns them down off a terminal too', async () => {
    expect(await healthzLevel([], { LOG_REQUESTS: '0' }, false)).toBe(DEBUG);
  });
});
