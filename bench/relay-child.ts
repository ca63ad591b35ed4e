/**
 * The relay under benchmark, in its own process so the poster and the stream readers never share
 * its event loop. Same `startRelay` as `npm start` (src/server/main.ts), plus an IPC hook that
 * reports memory after a forced collection, which main.ts cannot offer.
 *
 * Run by bench/relay.bench.ts: `fork('bench/relay-child.ts', [configJson])` with --expose-gc.
 */
import type { RelayConfig } from '../src/server/relay';
import { startRelay } from '../src/server/relay';

export type ChildRequest = { readonly type: 'memory'; readonly gc: boolean } | { readonly type: 'close' };
export interface ChildMemory {
  readonly type: 'memory';
  readonly heapUsed: number;
  readonly rss: number;
  readonly clients: number;
  readonly rseq: number;
  readonly droppedClients: number;
  /** CPU time the relay process has used so far (user + system), ms. */
  readonly cpuMs: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as Partial<RelayConfig>;
  const relay = await startRelay({ ...config, port: 0, host: '127.0.0.1', sim: false, logLevel: 'silent' });
  const send = (message: unknown): void => void process.send?.(message);
  process.on('message', (request: ChildRequest) => {
    if (request.type === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (request.gc && gc !== undefined) {
        gc();
        gc();
      }
      const { heapUsed, rss } = process.memoryUsage();
      const cpu = process.cpuUsage();
      const reply: ChildMemory = {
        type: 'memory',
        heapUsed,
        rss,
        clients: relay.hub.size,
        rseq: relay.state.log.lastRseq,
        droppedClients: relay.hub.dropped,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
      send(reply);
    } else {
      void relay.close().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url: relay.url });
}

void main();
