import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RelayProc {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts bench/browser/relay-child.ts with `config` and waits for its URL. */
export async function spawnRelay(config: Record<string, unknown>): Promise<RelayProc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/browser/relay-child.ts', JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let log = '';
  child.stderr?.on('data', (c: Buffer) => void (log = (log + c.toString()).slice(-4000)));
  const url = await new Promise<string>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`relay did not start in 60 s: ${log}`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(c.toString());
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      found(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`relay exited with ${code}: ${log}`)));
  });
  return {
    url,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
