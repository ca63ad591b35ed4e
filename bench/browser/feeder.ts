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

/** Under the relay's 5 MB body limit: past it the relay stops reading and the rest of the body is lost. */
const MAX_BYTES_PER_POST = 2 * 1024 * 1024;

/** One long-lived chunked POST; resolves when the relay has answered. */
function openPost(url: string): { write(text: string): void; end(): Promise<number>; cancel(): void } {
  const req = request(new URL('/api/events', url), { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } });
  const answered = new Promise<number>((done) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', () => done(0));
  });
  return {
    write: (text) => void req.write(text),
    end: () => {
      req.end();
      return answered;
    },
    cancel: () => void req.destroy(),
  };
}

/**
 * Streams the workload into long-lived POSTs, as an engine does: `rate` lines a second in 10 ms
 * slices and a probe update every 100 ms in the same stream; a new POST every 2 MB, since the
 * relay caps one body at 5 MB.
 */
export function startFeeder(url: string, stream: WorkloadStream, rate: number, tee?: (text: string) => void): Feeder {
  let post: ReturnType<typeof openPost> | null = openPost(url);
  let postBytes = 0;
  // Lines produced while one POST closes wait for its answer: a new connection must not
  // overtake the old one's tail, or the relay would drop the overtaken lines as duplicates.
  let held = '';
  const ended: Promise<number>[] = [];
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
    if (post === null) {
      held += text;
      return;
    }
    post.write(text);
    postBytes += Buffer.byteLength(text);
    if (postBytes > MAX_BYTES_PER_POST) {
      const closing = post.end();
      ended.push(closing);
      post = null;
      postBytes = 0;
      void closing.then(() => {
        post = openPost(url);
        if (held !== '') post.write(held);
        postBytes = Buffer.byteLength(held);
        held = '';
      });
    }
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
      while (post === null) await new Promise((r) => setTimeout(r, 5));
      // A POST that a rotation opened just before the stop may hold nothing, and the relay
      // answers an empty body 400 (which failed a run): it is dropped instead.
      if (postBytes > 0) ended.push(post.end());
      else post.cancel();
      const statuses = await Promise.all(ended);
      const bad = statuses.filter((s) => s !== 200);
      if (bad.length > 0) throw new Error(`feeder: ${bad.length} of ${statuses.length} posts answered ${bad.join(', ')}`);
    },
  };
}
