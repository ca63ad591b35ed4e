import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { Gauge } from 'prom-client';
import type { IngestStore } from '../ingest-handler';
import type { RelayState } from '../relay-state';
import type { RedisStore, RedisTuning } from './open-replica';
import { openRedisStore } from './open-replica';
import { RedisIngest } from './redis-ingest';
import { RelaySink } from './relay-sink';
import { SharedEventLog } from './shared-event-log';
import { parseEventPosition } from './stream-id';
import { mirrorCounter } from '../prom-mirror';

/** How long a client resuming with an id this relay has not reached yet waits for it. */
const RESUME_WAIT_MS = 5_000;
/** Seconds an engine is told to wait before retrying while Redis is away (Retry-After). */
export const RETRY_AFTER_S = 2;

export interface StoreHealth {
  readonly store: 'redis';
  readonly ready: boolean;
  readonly degraded: boolean;
  readonly error: string | undefined;
  readonly stream: string;
  readonly position: string;
}

/**
 * The relay's side of `--store redis://…`: the shared log handed to RelayState, the replica
 * feeding it, and the hooks the routes call (ingest sink, readiness, resume). Loaded with a
 * dynamic import only when `--store` is given.
 */
export class RelayStore implements IngestStore {
  readonly log: SharedEventLog;
  private store: RedisStore | undefined;
  private state: RelayState | undefined;

  constructor(
    private readonly url: string,
    private readonly tuning: RedisTuning,
    logSize: number,
    private readonly logger: Logger,
    private readonly now: () => number,
    logBytes?: number,
  ) {
    // Every relay on the same Redis shares one numbering; credentials stay out of the id.
    const where = new URL(url);
    this.log = new SharedEventLog(logSize, `redis://${where.host}${where.pathname}`, logBytes);
  }

  /** Connects and starts following the stream into `state`; ready comes later (see health). */
  async attach(state: RelayState, onHealthChange: () => void): Promise<void> {
    this.state = state;
    this.store = await openRedisStore({
      ...this.tuning,
      url: this.url,
      now: this.now,
      log: (fields, message) => this.logger.warn(fields, message),
      sink: new RelaySink(state, this.log),
    });
    this.store.replica.health.onChange(() => {
      const h = this.health();
      this.logger.info({ ready: h.ready, degraded: h.degraded, error: h.error }, 'redis store health changed');
      onHealthChange();
    });
  }

  private get replica() {
    if (this.store === undefined) throw new Error('redis store used before attach');
    return this.store.replica;
  }

  health(): StoreHealth {
    const { health, position } = this.replica;
    return {
      store: 'redis',
      ready: health.ready,
      degraded: health.degraded,
      error: health.degraded ? health.error || 'connection down' : undefined,
      stream: position.stream,
      position: position.id,
    };
  }

  /** Seconds to put in Retry-After when ingest cannot be taken now; undefined when it can. */
  unavailable(): number | undefined {
    return this.replica.health.degraded ? RETRY_AFTER_S : undefined;
  }

  /** Stream clients wait for the relay to have caught up after a (re)start. */
  streamUnavailable(): number | undefined {
    return this.replica.health.ready ? undefined : RETRY_AFTER_S;
  }

  /** One Redis append per batch: chunks already read go together. */
  readonly gathersChunks = true;

  /** The sink of one ingest request. */
  begin(): RedisIngest {
    return new RedisIngest(
      this.replica,
      this.now,
      (count) => {
        if (this.state !== undefined) this.state.totals.rejected += count;
      },
      (count) => {
        // The metric mirrors the book's counter; in this mode the book never sees a duplicate.
        if (this.state !== undefined) this.state.book.duplicates += count;
      },
      (event, pending) => this.state?.admit(event, pending),
      this.state?.onLineFault,
      this.state?.stamp,
    );
  }

  /**
   * Turns a client's Last-Event-ID (a cluster rseq, or the event position a native EventSource
   * got as SSE id: an entry id, or `<entry id>:<k>` inside a batch entry) into the rseq the hub
   * resumes from. An id this relay has not reached yet is
   * waited for (bounded), so a client moving from a relay that is ahead loses nothing.
   */
  async resolveResume(lastEventId: string | undefined): Promise<string | undefined> {
    if (lastEventId === undefined) return undefined;
    const text = lastEventId.trim();
    if (/^\d{1,15}$/.test(text)) {
      const rseq = Number(text);
      if (rseq > this.log.lastRseq) await this.replica.waitForRseq(rseq, RESUME_WAIT_MS);
      return text;
    }
    if (parseEventPosition(text) === undefined) return undefined;
    if (!this.replica.hasApplied(text)) await this.replica.waitFor(text, RESUME_WAIT_MS);
    const rseq = this.log.rseqOfId(text);
    return rseq === undefined ? undefined : String(rseq);
  }

  degraded(): boolean {
    return this.store !== undefined && this.replica.health.degraded;
  }

  /** Store gauges and counters on the relay's registry. */
  registerMetrics(registry: Registry): void {
    const replica = () => this.store?.replica;
    new Gauge({
      name: 'orderwatch_store_ready',
      help: '1 once caught up with the shared stream after start',
      registers: [registry],
      collect() {
        this.set(replica()?.health.ready === true ? 1 : 0);
      },
    });
    new Gauge({
      name: 'orderwatch_store_degraded',
      help: '1 while Redis cannot be reached',
      registers: [registry],
      collect() {
        this.set(replica()?.health.degraded !== false ? 1 : 0);
      },
    });
    new Gauge({
      name: 'orderwatch_store_rseq',
      help: 'cluster rseq this relay has applied',
      registers: [registry],
      collect() {
        this.set(replica()?.position.rseq ?? 0);
      },
    });
    const counter = (
      name: string,
      help: string,
      key: 'redisErrors' | 'rseqGaps' | 'badEntries' | 'snapshotsWritten' | 'badSnapshots',
    ): void => mirrorCounter(registry, name, help, () => replica()?.counters[key] ?? 0);
    counter('orderwatch_store_errors_total', 'failed reads of the shared stream (Redis unreachable)', 'redisErrors');
    counter('orderwatch_store_rseq_gaps_total', 'jumps in the cluster rseq: history trimmed or lost by Redis', 'rseqGaps');
    counter('orderwatch_store_bad_entries_total', 'stream entries that could not be read', 'badEntries');
    counter('orderwatch_store_snapshots_written_total', 'cluster snapshots this relay wrote', 'snapshotsWritten');
    counter('orderwatch_store_bad_snapshots_total', 'stored snapshots that could not be used', 'badSnapshots');
  }

  async close(): Promise<void> {
    await this.store?.close();
  }
}
