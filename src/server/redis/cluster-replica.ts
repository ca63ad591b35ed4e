import type { Redis } from 'ioredis';
import type { BookOptions, OrderBook } from '../../core/book';
import type { OrderEvent } from '../../core/events';
import type { AppendOptions, AppendResult } from './append-script';
import { appendBatch } from './append-script';
import { tradingDay } from './redis-keys';
import { findStartPoint } from './replica-start';
import { OwnEntries } from './own-entries';
import { snapshotLines } from './snapshot-codec';
import { writeSnapshot } from './snapshot-writer';
import type { StoredEvent, StreamEntry } from './stream-entry';
import { encodeEventPayload, parseEntry } from './stream-entry';
import type { StreamCursor } from './stream-follower';
import { COALESCE_MS, ENTRIES_PER_READ, StreamFollower } from './stream-follower';
import { compareStreamIds, parseEventPosition, ZERO_ID } from './stream-id';
import { RecentAnomalies } from './recent-anomalies';
import { ReplicaHealth } from './replica-health';
import type { ReplicaCounters } from './replica-health';
import { PositionWaiters } from './position-waiters';
import type { ReplicaSink } from './replica-sink';
import { BookSink } from './replica-sink';
import { sleep, whenConnected } from './redis-connection';

/** The cluster snapshot's default cadence in events (`--store-snapshot-events`); also every 60 s. */
export const SNAPSHOT_EVERY_EVENTS = 100_000;

/** An event as this relay applied it: the stored event plus what the core made of it. */
export interface AppliedEvent extends StoredEvent {
  readonly anomalies: number;
}

export interface ReplicaOptions extends AppendOptions {
  readonly bookOptions?: BookOptions;
  readonly snapshotEveryMs?: number;
  readonly snapshotEveryEvents?: number;
  readonly batchSize?: number;
  readonly blockMs?: number;
  /** See FollowerDeps.coalesceMs. */
  readonly coalesceMs?: number;
  readonly now: () => number;
  readonly log?: (fields: Record<string, unknown>, message: string) => void;
}

export interface ReplicaConnections {
  readonly commands: Redis;
  readonly reader: Redis;
}

/**
 * One relay's copy of the cluster state: it appends through the dedup script, reads the whole
 * stream back (its own writes included) and applies every event with `src/core`, so every
 * relay holds the same book in the same order. Starts from the stored snapshot plus the
 * stream's tail, reports ready once caught up, and writes the periodic snapshot when it wins
 * the lock.
 */
export class ClusterReplica {
  readonly health: ReplicaHealth;
  private cursor: StreamCursor = { stream: '', id: ZERO_ID };
  private rseqNow = 0;
  private follower: StreamFollower | undefined;
  private readonly applied = new Set<(batch: AppliedEvent[]) => void>();
  private readonly resets = new Set<() => void>();
  private readonly waiters = new PositionWaiters();
  private readonly recentAnomalies = new RecentAnomalies(10_000);
  private readonly ownEntries = new OwnEntries(100);
  private frozen: Promise<void> | undefined;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private lastSnapshotAt: number;
  private stopped = false;

  constructor(
    private readonly redis: ReplicaConnections,
    private readonly options: ReplicaOptions,
    private readonly sink: ReplicaSink = new BookSink(options.bookOptions),
  ) {
    this.health = new ReplicaHealth([redis.commands, redis.reader]);
    this.lastSnapshotAt = options.now();
  }

  get book(): OrderBook {
    return this.sink.book;
  }

  get position(): StreamCursor & { readonly rseq: number } {
    return { ...this.cursor, rseq: this.rseqNow };
  }

  get counters(): ReplicaCounters {
    return this.health.counters;
  }

  /** Called after each applied batch, in stream order, once per batch. */
  onApplied(listener: (batch: AppliedEvent[]) => void): () => void {
    this.applied.add(listener);
    return () => this.applied.delete(listener);
  }

  /** Called when the book was rebuilt from Redis (Redis lost history): clients need a snapshot. */
  onReset(listener: () => void): () => void {
    this.resets.add(listener);
    return () => this.resets.delete(listener);
  }

  /** Begins loading and following in the background; see `health.ready`. Never throws. */
  start(): void {
    void this.boot();
    const every = this.options.snapshotEveryMs ?? 60_000;
    this.snapshotTimer = setInterval(() => void this.maybeSnapshot(), Math.min(1_000, every));
    this.snapshotTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.follower?.stop();
    if (this.snapshotTimer !== undefined) clearInterval(this.snapshotTimer);
    this.waiters.failAll();
  }

  /** Atomically dedups and appends the new events as one stream entry; `payloads`, when given, are their stored forms. */
  async append(
    events: readonly OrderEvent[],
    at: number,
    payloads: readonly string[] = events.map(encodeEventPayload),
  ): Promise<AppendResult> {
    const own = this.ownEntries.begin(at, events, payloads);
    const items = events.map((event, k) => ({ engine: event.engine, seq: event.seq, payload: payloads[k]! }));
    let result: AppendResult | undefined;
    try {
      result = await appendBatch(this.redis.commands, items, at, this.options, own.parts);
      return result;
    } finally {
      this.ownEntries.settled(own, result, (id) => this.hasApplied(id));
    }
  }

  /** Resolves true once this relay has applied entry (or event position) `id`; false on timeout or stop. */
  waitFor(id: string, timeoutMs: number): Promise<boolean> {
    if (this.hasApplied(id)) return Promise.resolve(true);
    return this.waiters.add(() => this.hasApplied(id), timeoutMs);
  }

  /** Resolves true once this relay has applied cluster event `rseq`; false on timeout or stop. */
  waitForRseq(rseq: number, timeoutMs: number): Promise<boolean> {
    if (this.rseqNow >= rseq) return Promise.resolve(true);
    return this.waiters.add(() => this.rseqNow >= rseq, timeoutMs);
  }

  /** True once the entry named by `id` (an entry id or an event position in it) is applied: entries are applied whole. */
  hasApplied(id: string): boolean {
    const position = parseEventPosition(id);
    return position !== undefined && this.cursor.id !== ZERO_ID && compareStreamIds(position.entry, this.cursor.id) <= 0;
  }

  /** Anomalies the core recorded for these entries (ingest replies report them). */
  anomaliesOf(ids: readonly string[]): number {
    let sum = 0;
    for (const id of ids) sum += this.recentAnomalies.get(id);
    return sum;
  }

  private async boot(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.load();
        return;
      } catch (error) {
        this.health.failed(error);
        this.options.log?.({ err: String(error) }, 'redis store: cannot load, retrying');
        await sleep(500);
      }
    }
  }

  private async load(): Promise<void> {
    await whenConnected(this.redis.commands, 2_000);
    const today = this.options.keys.stream(tradingDay(this.options.now(), this.options.rolloverHourUtc));
    const start = await findStartPoint(this.redis.commands, this.options.keys, today, this.options.bookOptions ?? {});
    if (start.snapshotError !== undefined) {
      this.health.counters.badSnapshots++;
      this.options.log?.({ reason: start.snapshotError }, 'redis store: snapshot unusable, rebuilding from the stream');
    }
    this.sink.restore(start.book, start.rseq);
    this.cursor = start.cursor;
    this.rseqNow = start.rseq;
    this.health.beginCatchUp(start.target);
    this.health.checkCaughtUp(this.cursor.id);
    const follower = new StreamFollower(
      {
        reader: this.redis.reader,
        commands: this.redis.commands,
        keys: this.options.keys,
        batchSize: this.options.batchSize ?? ENTRIES_PER_READ,
        blockMs: this.options.blockMs ?? 1_000,
        coalesceMs: this.options.coalesceMs ?? COALESCE_MS,
        now: () => performance.now(),
        parse: (raw) => this.ownEntries.take(raw) ?? parseEntry(raw),
        onEntries: (entries, next) => this.applyEntries(entries, next),
        onHealthy: () => this.health.recovered(),
        onError: (error) => this.health.failed(error),
        sleep,
      },
      start.cursor,
    );
    this.follower = follower;
    void follower.run();
  }

  private async applyEntries(entries: StreamEntry[], next: StreamCursor): Promise<void> {
    while (this.frozen !== undefined) await this.frozen;
    // Built only for listeners: it would be one more object per event on every relay.
    const batch: AppliedEvent[] | undefined = this.applied.size > 0 ? [] : undefined;
    for (const entry of entries) {
      if (entry.kind === 'bad') {
        this.health.counters.badEntries++;
        continue;
      }
      if (entry.kind === 'next') continue;
      this.health.counters.badEntries += entry.bad;
      let anomalies = 0;
      for (const stored of entry.events) {
        this.checkRseq(stored.rseq);
        this.rseqNow = stored.rseq;
        const found = this.sink.apply(stored);
        anomalies += found;
        batch?.push({ ...stored, anomalies: found });
      }
      this.recentAnomalies.record(entry.id, anomalies);
    }
    this.cursor = next;
    this.ownEntries.forgetPassed((id) => this.hasApplied(id));
    this.health.checkCaughtUp(next.id);
    if (batch !== undefined && batch.length > 0) for (const listener of this.applied) listener(batch);
    this.waiters.release();
  }

  private checkRseq(rseq: number): void {
    if (this.rseqNow === 0) return;
    if (rseq <= this.rseqNow) {
      // Redis came back without writes this relay had already applied (AOF everysec after a
      // host crash). Numbers are being reused: stop pretending to be live until restarted.
      this.health.counters.rseqGaps++;
      this.health.historyLost(rseq, this.rseqNow);
      this.options.log?.({ rseq, applied: this.rseqNow }, 'redis store: Redis lost history this relay applied; restart this relay');
    } else if (rseq !== this.rseqNow + 1) this.health.counters.rseqGaps++;
  }

  private async maybeSnapshot(): Promise<void> {
    if (!this.health.ready || this.frozen !== undefined || this.stopped) return;
    const now = this.options.now();
    const everyMs = this.options.snapshotEveryMs ?? 60_000;
    const everyEvents = this.options.snapshotEveryEvents ?? SNAPSHOT_EVERY_EVENTS;
    try {
      const stored = Number((await this.redis.commands.hget(this.options.keys.meta, 'snap_rseq')) ?? -1);
      const behind = this.rseqNow - Math.max(stored, 0);
      if (this.rseqNow <= stored || (behind < everyEvents && now - this.lastSnapshotAt < everyMs)) return;
      this.lastSnapshotAt = now;
      let release = (): void => undefined;
      const result = await writeSnapshot(
        this.redis.commands,
        () => {
          this.frozen = new Promise<void>((resolve) => {
            release = () => {
              this.frozen = undefined;
              resolve();
            };
          });
          const position = { ...this.cursor, rseq: this.rseqNow };
          const lines = snapshotLines(this.sink.book, position, now);
          return { position, lines, release: () => release() };
        },
        { keys: this.options.keys, ttlSeconds: this.options.ttlSeconds, lockMs: 30_000, now },
      );
      if (result === 'written') this.health.counters.snapshotsWritten++;
    } catch (error) {
      this.options.log?.({ err: String(error) }, 'redis store: snapshot failed');
    }
  }
}
