import type { Redis } from 'ioredis';
import type { ClusterKeys } from './redis-keys';
import type { RawEntry, StreamEntry } from './stream-entry';
import { parseEntry } from './stream-entry';

/**
 * Entries per XREAD: with at most MAX_EVENTS_PER_ENTRY (redis-ingest.ts) events each, a reply
 * (applied in one go, the event loop held meanwhile) stays a few thousand events in the usual
 * case and bounded after a stall or at a restart's catch-up.
 */
export const ENTRIES_PER_READ = 20;

/**
 * The shortest time between two reads of the stream once caught up. Every reply is applied and
 * sent to each stream client as one message, and with dozens of clients per relay the sends
 * (system calls, loopback or network packets, the readers' wake-ups) cost several times the
 * events' own work: at 5,000 events/s in ingest batches every few ms, 20 ms holds a relay to
 * 50 messages per client per second for ~10 ms of added latency on average.
 */
export const COALESCE_MS = 20;

/** Where a follower stands: the last entry it has read, in the stream it is reading. */
export interface StreamCursor {
  readonly stream: string;
  readonly id: string;
}

export interface FollowerDeps {
  /** A connection of its own: XREAD BLOCK holds it. */
  readonly reader: Redis;
  /** For the occasional look at `meta.stream` while idle. */
  readonly commands: Redis;
  readonly keys: ClusterKeys;
  readonly batchSize: number;
  readonly blockMs: number;
  /**
   * After a read that emptied the stream, the next waits until this long after it began, so
   * entries arriving meanwhile come in one reply: one SSE message per client for all of them.
   * A reply that was full (the relay is behind) is followed at once.
   */
  readonly coalesceMs: number;
  readonly now: () => number;
  /** How an entry is read; `parseEntry` unless the caller knows some entries better. */
  readonly parse?: (raw: RawEntry) => StreamEntry;
  /** Receives entries in stream order (rollover markers included); may pause the loop by awaiting. */
  readonly onEntries: (entries: StreamEntry[], cursor: StreamCursor) => void | Promise<void>;
  readonly onHealthy: () => void;
  readonly onError: (error: unknown) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Reads the whole event stream, day after day, on its own connection (XREAD BLOCK; not a
 * consumer group: every relay must see every event). Survives Redis going away: it reports
 * the error, backs off and reads on from where it was.
 */
export class StreamFollower {
  private stopped = false;
  private cursor: StreamCursor;

  constructor(
    private readonly deps: FollowerDeps,
    start: StreamCursor,
  ) {
    this.cursor = start;
  }

  get position(): StreamCursor {
    return this.cursor;
  }

  stop(): void {
    this.stopped = true;
  }

  async run(): Promise<void> {
    let backoff = 100;
    while (!this.stopped) {
      try {
        await this.step();
        backoff = 100;
      } catch (error) {
        if (this.stopped) break;
        this.deps.onError(error);
        await this.deps.sleep(backoff);
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
  }

  private async step(): Promise<void> {
    const { reader, batchSize, blockMs } = this.deps;
    const { stream, id } = this.cursor;
    const began = this.deps.now();
    const reply = await reader.xread('COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', stream, id);
    this.deps.onHealthy();
    if (this.stopped) return;
    const raw = reply?.[0]?.[1] ?? [];
    if (raw.length === 0) {
      await this.followIdleRollover();
      return;
    }
    const parse = this.deps.parse ?? parseEntry;
    const entries: StreamEntry[] = [];
    let next: StreamCursor | undefined;
    for (const item of raw) {
      const entry = parse(item);
      entries.push(entry);
      if (entry.kind === 'next') {
        // Ids keep increasing across days, so the new stream is read after the marker's id.
        next = { stream: entry.stream, id: entry.id };
        break;
      }
    }
    next ??= { stream, id: raw[raw.length - 1]![0] };
    await this.deps.onEntries(entries, next);
    this.cursor = next;
    const wait = raw.length < batchSize ? began + this.deps.coalesceMs - this.deps.now() : 0;
    if (wait > 0 && !this.stopped) await this.deps.sleep(wait);
  }

  /**
   * The append script leaves a marker when it can; after days without any event it cannot
   * (the old stream is not among the keys it declared), so an idle follower also checks which
   * stream is current.
   */
  private async followIdleRollover(): Promise<void> {
    const current = await this.deps.commands.hget(this.deps.keys.meta, 'stream');
    if (current !== null && current !== this.cursor.stream) {
      const newer = await this.deps.reader.xread('COUNT', 1, 'STREAMS', this.cursor.stream, this.cursor.id);
      if (newer === null) this.cursor = { stream: current, id: this.cursor.id };
    }
  }
}
