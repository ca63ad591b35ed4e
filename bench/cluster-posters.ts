import { Agent, request } from 'node:http';
import type { OrderEvent } from '../src/core/events';
import { createEventMix } from '../test/support/event-mix';
import { toNdjsonLine } from '../src/protocol/encode';

/** An endless seeded engine mix whose engines and order ids carry `prefix`, so posters never collide. */
export function engineStream(seed: number, prefix: string): Iterator<OrderEvent> {
  const mix = createEventMix({ seed, orders: Number.POSITIVE_INFINITY, maxActive: 2_000, engines: 2 })[Symbol.iterator]();
  return {
    next: () => {
      const step = mix.next();
      if (step.done === true) return step;
      return {
        done: false,
        value: { ...step.value, engine: `${prefix}-${step.value.engine}`, client_order_id: `${prefix}-${step.value.client_order_id}` },
      };
    },
  };
}

export function take(source: Iterator<OrderEvent>, n: number): string {
  let body = '';
  for (let i = 0; i < n; i++) {
    const step = source.next();
    if (step.done === true) break;
    body += toNdjsonLine(step.value);
  }
  return body;
}

/** Keep-alive sockets for the engines' POSTs. */
const agent = new Agent({ keepAlive: true });

function send(url: string, body: string | Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const headers = { 'content-type': 'application/x-ndjson', 'content-length': bytes.byteLength };
    const req = request(`${url}/api/events`, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

/**
 * One POST; a 503 fails the run. A dropped keep-alive socket is retried once: safe, since the
 * events carry seqs and the cluster drops what it already took. node:http rather than fetch:
 * on this machine fetch spent ~2.5 ms of CPU more per 330 KB body, taken from the relays the
 * bench measures (real engines run elsewhere).
 */
export async function post(url: string, body: string | Uint8Array): Promise<number> {
  const { status, text } = await send(url, body).catch(() => send(url, body));
  if (status !== 200) throw new Error(`ingest ${url}: HTTP ${status}: ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { accepted: number }).accepted;
}

/** Lets the bench process exit: closes the idle keep-alive sockets. */
export function closePosters(): void {
  agent.destroy();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One engine at a steady rate, its batches sent round-robin over the relays (as through a load
 * balancer): each POST waits for the previous one, since an engine's seqs must arrive in order.
 * Batches are whatever fell due since the last POST (10 ms ticks at best).
 */
export async function postAtRate(
  urls: readonly string[],
  ratePerSec: number,
  seconds: number,
  source: Iterator<OrderEvent>,
): Promise<number> {
  const total = Math.round(ratePerSec * seconds);
  const t0 = performance.now();
  let sent = 0;
  let accepted = 0;
  for (let i = 0; sent < total; i++) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * ratePerSec)) - sent;
    if (due <= 0) {
      await sleep(10);
      continue;
    }
    const n = Math.min(due, 2_000);
    accepted += await post(urls[i % urls.length]!, take(source, n));
    sent += n;
  }
  return accepted;
}

/**
 * Bodies of `count` events in `perBody`-line NDJSON POSTs, made before the timed phase: making
 * events is the engine's cost, not the cluster's, and on a 2-core machine the bench process
 * generating them would take CPU from the relays it measures.
 */
export function preparedBodies(source: Iterator<OrderEvent>, count: number, perBody = 2_000): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let made = 0; made < count; made += perBody) bodies.push(encoder.encode(take(source, Math.min(perBody, count - made))));
  return bodies;
}

/** As fast as it goes: prepared bodies, one POST after another (an engine's seqs arrive in order), to one relay. */
export async function postFlat(url: string, bodies: readonly Uint8Array<ArrayBuffer>[]): Promise<number> {
  let accepted = 0;
  for (const body of bodies) accepted += await post(url, body);
  return accepted;
}
