import type { EventSourceMessage } from 'eventsource-parser';
import { createParser } from 'eventsource-parser';
import { readSnapshots } from './snapshot-reader';

/** One relay stream message; `data` still JSON text. */
export interface SseMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/** An item of an `events` message (docs/protocol.md). */
export interface StreamItem {
  readonly rseq: number;
  readonly at: number;
  readonly event: Record<string, unknown> & { type: string; client_order_id: string };
}

export interface SseClientOptions {
  readonly headers?: Record<string, string>;
  readonly lastEventId?: string;
}

/**
 * A minimal Server-Sent Events reader over fetch for tests: records every message and lets a
 * test wait for the one it needs, with a timeout so a missing message fails instead of hanging.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  /** Every item of every `events` message, in arrival order. */
  readonly items: StreamItem[] = [];
  /** Resolves when the stream ends, however it ends. */
  readonly ended: Promise<void>;
  endedWithError: unknown;
  private readonly abort = new AbortController();
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  private constructor(readonly response: Response) {
    const parser = createParser({ onEvent: (message) => this.receive(message) });
    const body = response.body;
    if (body === null) throw new Error('stream response has no body');
    const decoder = new TextDecoder();
    this.ended = (async () => {
      try {
        const reader = body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch (error) {
        this.endedWithError = error;
      }
      this.wake();
    })();
  }

  static async open(url: string, options: SseClientOptions = {}): Promise<SseClient> {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    const client = new SseClient(response);
    client.abort.signal.addEventListener('abort', () => abort.abort());
    return client;
  }

  /** The rseqs of every received event item, in order. */
  get rseqs(): number[] {
    return this.items.map((i) => i.rseq);
  }

  /** Waits until `check()` holds, or fails after `timeoutMs` with `what` in the message. */
  async until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (check()) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `SSE: timed out after ${timeoutMs} ms waiting for ${what} (got ${this.messages.length} messages, last rseq ${this.items.at(-1)?.rseq ?? 'none'})`,
              ),
            ),
          timeoutMs,
        );
        this.waiters.push({ check, resolve });
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The first message of a given kind (waiting for it), parsed. For `snapshot`, the whole first
   * snapshot (all its messages) in the readable shape of ReadableSnapshot.
   */
  async first<T = unknown>(event: string, timeoutMs?: number): Promise<T> {
    if (event === 'snapshot') {
      await this.until(() => this.messages.some((m) => m.event === 'snapshot_end'), 'a whole snapshot', timeoutMs);
      return readSnapshots(this.messages)[0] as T;
    }
    await this.until(() => this.messages.some((m) => m.event === event), `a "${event}" message`, timeoutMs);
    return JSON.parse(this.messages.find((m) => m.event === event)!.data) as T;
  }

  /** Waits until an event item with this rseq (or later) has arrived. */
  reach(rseq: number, timeoutMs?: number): Promise<void> {
    return this.until(() => (this.items.at(-1)?.rseq ?? 0) >= rseq, `rseq ${rseq}`, timeoutMs);
  }

  close(): void {
    this.abort.abort();
  }

  private receive(message: EventSourceMessage): void {
    const event = message.event ?? 'message';
    this.messages.push({ event, id: message.id, data: message.data });
    if (event === 'events') for (const item of JSON.parse(message.data) as StreamItem[]) this.items.push(item);
    this.wake();
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }
}
