import { request } from 'node:http';
import type { OrderEvent } from '../../src/core/events';
import { toNdjsonLine } from '../../src/protocol/encode';
import type { IngestReply } from '../../src/protocol/ingest-reply';
import { readIngestReply } from '../../src/protocol/ingest-reply';

export type { IngestReply };

/**
 * Every ingest reply a test sees is checked against the wire shape on the way; refusals before
 * the body is read (401, 415, 429 …) have a shape of their own and pass as they are.
 */
function asReply(json: unknown): IngestReply {
  const isTally = typeof json === 'object' && json !== null && 'accepted' in json;
  return isTally ? readIngestReply(json) : (json as IngestReply);
}

export function ndjson(events: readonly OrderEvent[]): string {
  return events.map(toNdjsonLine).join('');
}

/** POSTs a body to /api/events; NDJSON unless told otherwise. */
export async function postEvents(
  baseUrl: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
): Promise<{ status: number; reply: IngestReply }> {
  const response = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...headers },
    body,
  });
  return { status: response.status, reply: asReply(await response.json()) };
}

/** A POST held open: write lines when you like, `end()` for the reply. Chunked, like an engine's long-lived connection. */
export function openIngest(
  baseUrl: string,
  headers: Record<string, string> = {},
): {
  write(text: string): void;
  end(): Promise<{ status: number; reply: IngestReply }>;
  /** The reply, whenever it comes: at `end()`, or earlier when the relay ends the request. */
  readonly replied: Promise<{ status: number; reply: IngestReply }>;
} {
  const url = new URL('/api/events', baseUrl);
  let settle: (value: { status: number; reply: IngestReply }) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<{ status: number; reply: IngestReply }>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => settle({ status: res.statusCode ?? 0, reply: asReply(JSON.parse(text)) }));
    res.on('error', fail);
  });
  req.on('error', fail);
  req.flushHeaders();
  return {
    write: (text) => void req.write(text),
    end: () => {
      req.end();
      return done;
    },
    replied: done,
  };
}

/** `count` orders, each created then opened: 2×count events with seq 1… from one engine. */
export function orderFlow(count: number, engine = 'eng-1', firstSeq = 1, prefix = 'o'): OrderEvent[] {
  const base = Date.UTC(2025, 10, 23);
  const out: OrderEvent[] = [];
  let seq = firstSeq;
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${i}`;
    out.push({
      type: 'order_created',
      client_order_id: id,
      ts: base + i,
      seq: seq++,
      engine,
      symbol: 'BTC-USD',
      side: i % 2 === 0 ? 'buy' : 'sell',
      size_usd: 100 + i,
      route: 'paper',
    });
    out.push({ type: 'order_transition', client_order_id: id, ts: base + i + 1, seq: seq++, engine, status: 'OPEN', order_id: `x${i}` });
  }
  return out;
}
