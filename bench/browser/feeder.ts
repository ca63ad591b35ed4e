import { request } from 'node:http';
import type { WorkloadStream } from './workload';

const TICK_MS = 10;
const PROBE_EVERY_MS = 100;

export interface Feeder {
  /** Probes written so far (k = 1 … probes). */
  readonly probes: number;
  readonly lines: number;
  stop(): Promise<void>;
}

/** POSTs all of `chunks` to the relay, one request per chunk, waiting for each answer. */
export async function postChunks(url: string, chunks: Iterable<string>, tee?: (text: string) => void): Promise<number> {
  let accepted = 0;
  for (const body of chunks) {
    tee?.(body);
    const response = await fetch(`${url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    const reply = (await response.json()) as { accepted: number };
    if (!response.ok) throw new Error(`preload: HTTP ${response.status}`);
    accepted += reply.accepted;
  }
  return accepted;
}

/**
 * Streams the workload into one long-lived POST, as an engine does: `rate` lines a second in
 * 10 ms slices, and a probe update every 100 ms in the same stream.
 */
export function startFeeder(url: string, stream: WorkloadStream, rate: number, tee?: (text: string) => void): Feeder {
  const req = request(new URL('/api/events', url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } });
  req.on('error', () => {});
  const answered = new Promise<void>((done) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done());
    });
    req.on('error', () => done());
  });
  const started = performance.now();
  let lines = 0;
  let probes = 0;
  let nextProbeAt = started + PROBE_EVERY_MS;
  const timer = setInterval(() => {
    const now = performance.now();
    const due = Math.floor(((now - started) / 1000) * rate);
    let text = '';
    for (; lines < due; lines++) text += stream.nextLine();
    if (now >= nextProbeAt) {
      nextProbeAt += PROBE_EVERY_MS;
      text += stream.probeLine(++probes, Date.now());
    }
    if (text === '') return;
    tee?.(text);
    req.write(text);
  }, TICK_MS);
  return {
    get probes() {
      return probes;
    },
    get lines() {
      return lines;
    },
    async stop() {
      clearInterval(timer);
      req.end();
      await answered;
    },
  };
}
