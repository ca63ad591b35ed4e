import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelayConfig } from '../src/server/relay';
import type { ChildMemory, ChildRequest } from './relay-child';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'relay-child.ts');
const START_TIMEOUT_MS = 30_000;

export interface RelayProcess {
  readonly url: string;
  readonly pid: number;
  /** Heap and RSS of the relay process; `gc` forces a full collection first (a pause in the relay). */
  memory(gc: boolean): Promise<ChildMemory>;
  close(): Promise<void>;
}

/** Starts a relay in a child process (tsx, --expose-gc) and resolves with its URL. */
export function spawnRelay(config: Partial<RelayConfig>): Promise<RelayProcess> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const request = (message: ChildRequest): void => void child.send(message);
  const nextMemory = (): Promise<ChildMemory> =>
    new Promise((resolve) => {
      const on = (message: { type: string }): void => {
        if (message.type !== 'memory') return;
        child.off('message', on);
        resolve(message as ChildMemory);
      };
      child.on('message', on);
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('relay child did not start in time'));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`relay child exited early (${code})`)));
    child.on('message', (message: { type: string; url?: string }) => {
      if (message.type !== 'ready' || message.url === undefined) return;
      clearTimeout(timer);
      resolve({
        url: message.url,
        pid: child.pid ?? -1,
        memory(gc) {
          const reply = nextMemory();
          request({ type: 'memory', gc });
          return reply;
        },
        async close() {
          request({ type: 'close' });
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
