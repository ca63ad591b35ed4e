import type { Order } from '../../../src/core/order';
import { ordersToColumns, SNAPSHOT_VERSION } from '../../../src/protocol/snapshot-columns';
import { snapshotEndMessage, snapshotMessage, snapshotOrdersMessage } from '../../../src/protocol/snapshot-messages';

export interface FakeStream {
  readonly url: string;
  readonly headers: Record<string, string>;
  send(event: string, data: unknown, id?: number): void;
  /** Writes raw SSE text (several messages, or a message cut anywhere). */
  sendText(text: string): void;
  close(): void;
  readonly aborted: boolean;
}

export interface FakeHealth {
  rseq: number;
  uptime_s: number;
  log_id?: string;
}

/** What every fake relay has handed out that the feed may not have taken up yet. */
interface Outstanding {
  readonly responses: Response[];
  readonly queues: ReadableStreamDefaultController<Uint8Array>[];
}
const live = new Set<Outstanding>();

/** A fetch that answers each stream request with an SSE stream the test writes to, and /api/healthz with `health`. */
export function fakeFetch(status = 200): {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  streams: FakeStream[];
  failNext: (n: number) => void;
  health: FakeHealth;
  healthChecks: () => number;
  /** The headers each health check was sent with. */
  healthHeaders: Record<string, string>[];
} {
  const streams: FakeStream[] = [];
  let failures = 0;
  let checks = 0;
  const healthHeaders: Record<string, string>[] = [];
  const health: FakeHealth = { rseq: 1e9, uptime_s: 1e9 };
  const encoder = new TextEncoder();
  const outstanding: Outstanding = { responses: [], queues: [] };
  live.add(outstanding);
  const answer = (response: Response): Promise<Response> => {
    outstanding.responses.push(response);
    return Promise.resolve(response);
  };
  const fetch = (url: string, init: RequestInit): Promise<Response> => {
    if (failures > 0) {
      failures--;
      return Promise.reject(new TypeError('fetch failed'));
    }
    if (url.startsWith('/api/healthz')) {
      checks++;
      healthHeaders.push({ ...(init.headers as Record<string, string> | undefined) });
      return answer(Response.json({ status: 'ok', ...health }));
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let aborted = false;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    outstanding.queues.push(controller);
    init.signal?.addEventListener('abort', () => {
      aborted = true;
      outstanding.queues.splice(outstanding.queues.indexOf(controller), 1);
      try {
        controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    });
    streams.push({
      url,
      headers: { ...(init.headers as Record<string, string>) },
      send(event, data, id) {
        const idLine = id === undefined ? '' : `id: ${id}\n`;
        controller.enqueue(encoder.encode(`event: ${event}\n${idLine}data: ${JSON.stringify(data)}\n\n`));
      },
      sendText: (text) => controller.enqueue(encoder.encode(text)),
      close: () => {
        outstanding.queues.splice(outstanding.queues.indexOf(controller), 1);
        controller.close();
      },
      get aborted() {
        return aborted;
      },
    });
    return answer(new Response(body, { status, headers: { 'content-type': 'text/event-stream' } }));
  };
  return { fetch, streams, failNext: (n) => void (failures = n), health, healthChecks: () => checks, healthHeaders };
}

/**
 * A relay snapshot (v2) as SSE text: the head (`head` plus order_count), the orders in blocks
 * of `blockSize` (small, so tests cross block boundaries), and the end carrying the rseq.
 */
export function snapshotMessages(head: { rseq: number } & Record<string, unknown>, orders: readonly Order[], blockSize = 2): string {
  // The head by hand, not snapshotHeadJson: tests give heads a relay would never write.
  let text = snapshotMessage(JSON.stringify({ v: SNAPSHOT_VERSION, ...head, order_count: orders.length }));
  for (let i = 0; i < orders.length; i += blockSize)
    text += snapshotOrdersMessage(JSON.stringify(ordersToColumns(orders.slice(i, i + blockSize))));
  return text + snapshotEndMessage(head.rseq);
}

/** Taken up: every response's body is being read, and every stream's written chunks were read. */
function quiet(): boolean {
  for (const { responses, queues } of live) {
    if (responses.some((r) => !r.bodyUsed && !(r.body?.locked ?? true))) return false;
    if (queues.some((q) => (q.desiredSize ?? 1) < 1)) return false;
  }
  return true;
}

/**
 * Runs the feed until it has taken up everything the fake relays handed it (responses read,
 * stream chunks consumed) and two more task turns found nothing new: a condition, not a count of
 * turns, so a feed that gains an `await` still settles. Throws if it never does.
 */
export async function settle(maxTurns = 1_000): Promise<void> {
  let calm = 0;
  for (let turn = 0; turn < maxTurns; turn++) {
    await new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));
    calm = quiet() ? calm + 1 : 0;
    if (calm >= 2) return;
  }
  throw new Error(`the feed did not take up what the fake relay sent within ${maxTurns} task turns`);
}
