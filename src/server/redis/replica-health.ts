import type { Redis } from 'ioredis';
import { compareStreamIds } from './stream-id';

/** Things a relay in this mode counts for /metrics; none of them stops it. */
export interface ReplicaCounters {
  /** Stream entries that could not be read (skipped). */
  badEntries: number;
  /** Stored snapshots that could not be used (rebuilt from the stream instead). */
  badSnapshots: number;
  /** Times the cluster rseq jumped: history trimmed under a reader, or lost by Redis. */
  rseqGaps: number;
  snapshotsWritten: number;
  /** Failed reads of the stream (Redis unreachable, timeouts). */
  redisErrors: number;
}

type Connection = Pick<Redis, 'status' | 'on'>;

/**
 * Ready: caught up with the stream as it was when this relay (re)started; it stays ready
 * afterwards. Degraded: Redis cannot be reached right now, so this relay's view may be behind
 * and ingest is refused; it clears by itself when the connections come back.
 */
export class ReplicaHealth {
  readonly counters: ReplicaCounters = { badEntries: 0, badSnapshots: 0, rseqGaps: 0, snapshotsWritten: 0, redisErrors: 0 };
  private caughtUp = false;
  private target: string | undefined;
  private failing = false;
  private lost: string | undefined;
  private lastError = '';
  private readonly listeners = new Set<() => void>();
  private last = { ready: false, degraded: false };

  constructor(private readonly connections: readonly Connection[]) {
    for (const connection of connections) {
      for (const event of ['ready', 'close', 'reconnecting', 'end']) connection.on(event, () => this.notify());
    }
  }

  get ready(): boolean {
    return this.caughtUp;
  }

  get degraded(): boolean {
    return this.failing || this.lost !== undefined || this.connections.some((c) => c.status !== 'ready');
  }

  get error(): string {
    return this.lost ?? this.lastError;
  }

  /** Permanent until the relay restarts (from the snapshot, which Redis kept consistently). */
  historyLost(seen: number, applied: number): void {
    if (this.lost !== undefined) return;
    this.lost = `Redis lost history: stream went back to rseq ${seen} after ${applied} was applied; restart this relay`;
    this.notify();
  }

  /** Called when ready or degraded change (for an immediate heartbeat). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  beginCatchUp(target: string | undefined): void {
    this.target = target;
  }

  checkCaughtUp(position: string): void {
    if (this.caughtUp) return;
    if (this.target === undefined || (position !== '0-0' && compareStreamIds(position, this.target) >= 0)) {
      this.caughtUp = true;
      this.notify();
    }
  }

  failed(error: unknown): void {
    this.counters.redisErrors++;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.failing = true;
    this.notify();
  }

  recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.notify();
  }

  private notify(): void {
    const now = { ready: this.ready, degraded: this.degraded };
    if (now.ready === this.last.ready && now.degraded === this.last.degraded) return;
    this.last = now;
    for (const listener of this.listeners) listener();
  }
}
