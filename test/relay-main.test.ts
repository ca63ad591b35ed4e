import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { created } from './support/event-builders';
import { ndjson, openIngest } from './support/relay-post';
import { SseClient } from './support/sse-client';
import { until } from './support/eventually';

const ROOT = new URL('..', import.meta.url).pathname;

function startMain(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcessWithoutNullStreams; out: () => string; err: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: ROOT,
    // A journal of its own: never the project's ./data, which would carry events from run to run.
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      INGEST_TOKEN: '',
      VIEW_TOKEN: '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'orderwatch-main-')),
      ...env,
    },
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return { child, out: () => out, err: () => err };
}

async function exitCode(child: ChildProcessWithoutNullStreams, timeoutMs = 60_000): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}

function waitForUrl(out: () => string): Promise<string> {
  return until(
    () => /listening on (http:\/\/\S+)/.exec(out())?.[1],
    'the relay to print its URL',
    60_000,
    () => `stdout: ${out()}`,
  );
}

// Each test starts Node + tsx, which takes seconds on a busy machine: generous bounds.
describe('relay main process', { timeout: 90_000 }, () => {
  it('prints its URL, and on SIGTERM answers open requests, ends streams and exits 0', async () => {
    const relay = startMain(['--no-sim', '--port', '0']);
    try {
      const url = await waitForUrl(relay.out);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const stream = await SseClient.open(`${url}/api/stream`);
      await stream.first('snapshot');
      const ingest = openIngest(url);
      ingest.write(ndjson([created('before-shutdown')]));
      await stream.reach(1);
      const reply = ingest.end();
      relay.child.kill('SIGTERM');
      expect(await exitCode(relay.child)).toBe(0);
      await stream.ended;
      expect(stream.rseqs).toEqual([1]);
      // The held-open POST got its answer: what it delivered before the shutdown stays accepted.
      expect((await reply).reply.accepted).toBe(1);
    } finally {
      relay.child.kill('SIGKILL');
    }
  });

  it('refuses a non-loopback address without INGEST_TOKEN, with a clear message', async () => {
    const relay = startMain(['--no-sim', '--port', '0', '--host', '0.0.0.0']);
    expect(await exitCode(relay.child)).toBe(2);
    expect(relay.err()).toMatch(/refusing to listen on 0\.0\.0\.0 without INGEST_TOKEN/);
  });

  it('lists its flags with --help and rejects unknown ones', async () => {
    const help = startMain(['--help']);
    expect(await exitCode(help.child)).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--no-sim',
      '--sim-rate',
      '--seed',
      '--stale-after',
      '--log-size',
      '--max-body',
      '--heartbeat-ms',
      '--keep-terminal',
    ]) {
      expect(help.out()).toContain(flag);
    }
    const bad = startMain(['--bogus']);
    expect(await exitCode(bad.child)).toBe(2);
    expect(bad.err()).toMatch(/unknown argument --bogus/);
  });

  it('a port already in use is one line on stderr naming the port and the flag, exit 1, no stack', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const relay = startMain(['--port', String(port)]);
      expect(await exitCode(relay.child)).toBe(1);
      expect(relay.err()).toBe(`orderwatch: port ${port} on 127.0.0.1 is in use (another relay running?); choose another with --port\n`);
      expect(relay.err()).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });

  it('a second relay on the same data directory says so in one line, exit 1, no stack', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orderwatch-main-shared-'));
    const first = startMain(['--no-sim', '--port', '0'], { DATA_DIR: dataDir });
    try {
      await waitForUrl(first.out);
      const second = startMain(['--no-sim', '--port', '0'], { DATA_DIR: dataDir });
      expect(await exitCode(second.child)).toBe(1);
      expect(second.err()).toMatch(/^orderwatch: \S+orderwatch\.db is in use by another relay; each relay needs its own --data-dir\n$/);
    } finally {
      first.child.kill('SIGKILL');
    }
  });
});
