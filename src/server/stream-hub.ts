import type { Logger } from 'pino';
import type { LogItem } from './event-log';
import type { RelayState } from './relay-state';
import { encode, eventsMessage, heartbeatMessage, HELLO } from './sse-format';
import { StreamClient } from './stream-client';

export interface StreamHubDeps {
  readonly state: RelayState;
  readonly logger: Logger;
  readonly now: () => number;
  readonly staleAfterSec: number;
  readonly heartbeatMs: number;
  readonly keepTerminal: number;
  readonly clientQueueLimit: number;
  /** Bytes of saved order states one snapshot may hold before its client is dropped. */
  readonly snapshotPreimageLimit: number;
  readonly onSent: (bytes: number) => void;
  /** Ingest-to-enqueue lag of the oldest item in a fan-out, ms. */
  readonly onLag: (ms: number) => void;
  /** True while the relay's store is unreachable (`--store`): heartbeats say so. */
  readonly degraded?: () => boolean;
}

/** Items per catch-up message: big enough for throughput, small enough to interleave. */
const CATCHUP_PAGE = 2_000;
const SNAPSHOT_ATTEMPTS = 3;

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Fans accepted events out to every stream client. Events published in one tick go out as one
 * `events` message on the next (setImmediate), encoded once and shared by all live clients.
 * A client starts in snapshot or catch-up, reading at its own pace with backpressure, and joins
 * the live fan-out once it has reached the end of the log.
 */
export class StreamHub {
  private readonly clients = new Set<StreamClient>();
  /** The rseqs published since the last flush (none while `pendingLast` is 0): read from the log when flushed. */
  private pendingFirst = 0;
  private pendingLast = 0;
  private flushScheduled = false;
  private nextId = 1;
  private heartbeat: NodeJS.Timeout;
  maxBacklogSeen = 0;
  dropped = 0;

  constructor(private readonly deps: StreamHubDeps) {
    this.heartbeat = setInterval(() => this.beat(), deps.heartbeatMs);
    this.heartbeat.unref();
    // The log is about to forget an event not yet fanned out (its byte budget, or a big tick): send now.
    deps.state.log.onForget((rseq) => {
      if (this.pendingLast !== 0 && this.pendingFirst <= rseq) this.flush();
    });
  }

  get size(): number {
    return this.clients.size;
  }

  /**
   * Event `rseq` was just logged. Only its number is kept: the items are made from the log once
   * per flush, and only when a live client is there to take them, so an event costs the fan-out
   * no object of its own.
   */
  publish(rseq: number): void {
    if (this.pendingLast === 0) this.pendingFirst = rseq;
    this.pendingLast = rseq;
    // More in one tick than the log keeps (a big body on a small --log-size): send before the log forgets them.
    if (rseq - this.pendingFirst + 1 >= this.deps.state.log.capacity) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Opens a client: resumes after `lastEventId` when the log still has it, else starts with a
   * snapshot. `cutConnection` closes the client's socket when it has to be dropped. `logId`,
   * when the client names it, is the numbering its `lastEventId` came from: another one (this
   * relay restarted since) gets a snapshot, never a different log's events.
   */
  connect(lastEventId: string | undefined, cutConnection?: () => void, logId?: string): StreamClient {
    const log = this.deps.state.log;
    const sameLog = logId === undefined || logId === log.logId;
    const resumeAt = sameLog && lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId) : undefined;
    const canResume = resumeAt !== undefined && log.readAfter(resumeAt, 0) !== 'gone';
    const start = canResume ? { phase: 'catchup' as const, cursor: resumeAt } : { phase: 'snapshot' as const, cursor: 0 };
    const client = new StreamClient(this.nextId++, this.deps.now(), start, (c) => this.remove(c, 'client closed the stream'), cutConnection);
    this.clients.add(client);
    client.send(encode(HELLO));
    this.deps.logger.info({ client: client.id, resume: canResume ? resumeAt : null, asked: lastEventId ?? null, clients: this.clients.size }, 'stream client connected');
    void this.run(client).catch((error: unknown) => this.drop(client, `stream error: ${String(error)}`));
    return client;
  }

  /** Graceful: ends every stream after what is queued. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    this.flush();
    for (const client of this.clients) {
      client.phase = 'closed';
      client.channel.close();
    }
    this.clients.clear();
  }

  private async run(client: StreamClient): Promise<void> {
    if (client.phase === 'snapshot' && !(await this.sendSnapshot(client))) return;
    const log = this.deps.state.log;
    client.phase = 'catchup';
    for (;;) {
      if (!client.channel.isOpen) return;
      // Checked and switched in the same tick as the last read: nothing can slip between.
      if (client.cursor >= log.lastRseq) {
        client.phase = 'live';
        return;
      }
      const items = log.readAfter(client.cursor, CATCHUP_PAGE);
      if (items === 'gone') return this.drop(client, `fell out of the event log at rseq ${client.cursor}`);
      this.deliver(client, encode(eventsMessage(items)), items[items.length - 1]!.rseq);
      await client.channel.room();
    }
  }

  /** Writes a snapshot consistent with one rseq; retries when the log moved past it meanwhile. */
  private async sendSnapshot(client: StreamClient): Promise<boolean> {
    const { state } = this.deps;
    for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
      const source = state.beginSnapshot({ now: this.deps.now(), staleAfterSec: this.deps.staleAfterSec, heartbeatMs: this.deps.heartbeatMs, keepTerminal: this.deps.keepTerminal });
      try {
        for (const piece of source.pieces()) {
          if (!client.channel.isOpen) return false;
          if (source.preimageSize > this.deps.snapshotPreimageLimit) {
            this.drop(client, 'too slow to take a snapshot while events kept arriving');
            return false;
          }
          this.deliver(client, encode(piece), undefined);
          // Let ingest run between pieces; wait for the socket when the queue is full.
          await (client.channel.hasRoom ? nextTick() : client.channel.room());
        }
      } finally {
        state.endSnapshot(source);
      }
      client.cursor = source.rseq;
      if (state.log.readAfter(source.rseq, 0) !== 'gone') return true;
    }
    this.drop(client, `event log moved past ${SNAPSHOT_ATTEMPTS} snapshots in a row`);
    return false;
  }

  private flush(): void {
    this.flushScheduled = false;
    const first = this.pendingFirst;
    const last = this.pendingLast;
    if (last === 0) return;
    this.pendingLast = 0;
    let batch: readonly LogItem[] | 'gone' | undefined;
    let shared: Uint8Array | undefined;
    for (const client of this.clients) {
      if (client.phase !== 'live' || client.cursor >= last) continue;
      if (batch === undefined) {
        batch = this.deps.state.log.readAfter(first - 1, last - first + 1);
        if (batch !== 'gone' && batch.length > 0) this.deps.onLag(this.deps.now() - batch[0]!.at);
      }
      // The shared log restarted within this tick (the stream lost history): a snapshot puts the client right.
      if (batch === 'gone' || batch.length !== last - first + 1) {
        this.drop(client, `the event log restarted at rseq ${this.deps.state.log.firstRseq}`);
        continue;
      }
      let bytes: Uint8Array;
      if (client.cursor < first) bytes = shared ??= encode(eventsMessage(batch));
      // Joined the fan-out mid-batch: it already read the start of this batch from the log.
      else bytes = encode(eventsMessage(batch.slice(client.cursor - first + 1)));
      this.deliver(client, bytes, last);
    }
  }

  private deliver(client: StreamClient, bytes: Uint8Array, cursor: number | undefined): void {
    if (!client.send(bytes)) return;
    if (cursor !== undefined) client.cursor = cursor;
    this.deps.onSent(bytes.byteLength);
    const backlog = client.channel.backlog;
    if (backlog > this.maxBacklogSeen) this.maxBacklogSeen = backlog;
    if (backlog > this.deps.clientQueueLimit) this.drop(client, `slow client: ${backlog} bytes queued (limit ${this.deps.clientQueueLimit})`);
  }

  /** Sends a heartbeat now; the relay also calls it when its store's health changes. */
  beat(): void {
    this.flush();
    const now = this.deps.now();
    const degraded = this.deps.degraded?.() ?? false;
    for (const client of this.clients) {
      if (client.phase !== 'live' && client.phase !== 'catchup') continue;
      this.deliver(client, encode(heartbeatMessage(now, client.cursor, this.deps.state.log.logId, degraded)), undefined);
    }
  }

  private drop(client: StreamClient, reason: string): void {
    if (!this.clients.delete(client)) return;
    this.dropped++;
    client.phase = 'closed';
    client.channel.abort(reason);
    this.deps.logger.warn({ client: client.id, reason, sent_bytes: client.bytesSent, clients: this.clients.size }, 'stream client dropped');
  }

  private remove(client: StreamClient, reason: string): void {
    if (!this.clients.delete(client)) return;
    client.phase = 'closed';
    this.deps.logger.info({ client: client.id, reason, sent_bytes: client.bytesSent, clients: this.clients.size }, 'stream client disconnected');
  }
}
