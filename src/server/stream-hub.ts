import type { Logger } from 'pino';
import type { LogItem } from './event-log';
import type { RelayState } from './relay-state';
import type { EventsPart } from './sse-format';
import { heartbeatMessage, HELLO } from '../protocol/stream-messages';
import { encode, eventsMessages } from './sse-format';
import { largestBacklogsOver, stalled } from './stream-budget';
import { StreamClient } from './stream-client';

export interface StreamHubDeps {
  readonly state: RelayState;
  readonly logger: Logger;
  readonly now: () => number;
  readonly staleAfterSec: number;
  readonly heartbeatMs: number;
  readonly keepTerminal: number;
  /** Bytes a live client may have queued before it is dropped as slow. */
  readonly clientQueueLimit: number;
  /** Bytes queued for all clients together; past it the largest backlogs are dropped first. */
  readonly streamBytesTotal?: number;
  /** Bytes of saved order states one snapshot may hold before its client is dropped. */
  readonly snapshotPreimageLimit: number;
  readonly onSent: (bytes: number) => void;
  /** Ingest-to-enqueue lag of the oldest item in a fan-out, ms. */
  readonly onLag: (ms: number) => void;
  /** True while the relay's store is unreachable (`--store`): heartbeats say so. */
  readonly degraded?: () => boolean;
  /** Messages a client gets once it has the book (after its snapshot, or on resume): the current alerts. */
  readonly greeting?: () => readonly string[];
}

/** Items per catch-up message: big enough for throughput, small enough to interleave. */
const CATCHUP_PAGE = 2_000;
const SNAPSHOT_ATTEMPTS = 3;
/** Bytes paced writes may queue before the total over all clients is checked again. */
const TOTAL_CHECK_BYTES = 1024 * 1024;

/** Why clients were dropped, for /metrics. */
export type DropReason = 'slow' | 'stalled' | 'total' | 'other';

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
  readonly drops: Record<DropReason, number> = { slow: 0, stalled: 0, total: 0, other: 0 };
  private queuedSinceCheck = 0;

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

  /** Bytes queued for all clients and not yet taken by their sockets. */
  get queuedBytes(): number {
    let total = 0;
    for (const client of this.clients) total += client.backlog;
    return total;
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
    const client = new StreamClient(
      this.nextId++,
      this.deps.now(),
      start,
      (c) => this.remove(c, 'client closed the stream'),
      cutConnection,
    );
    this.clients.add(client);
    client.send(encode(HELLO));
    this.deps.logger.info(
      { client: client.id, resume: canResume ? resumeAt : null, asked: lastEventId ?? null, clients: this.clients.size },
      'stream client connected',
    );
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
    // From here on it gets every broadcast too, so the greeting and the changes after it leave no gap.
    for (const message of this.deps.greeting?.() ?? []) this.deliverPaced(client, encode(message), undefined);
    for (;;) {
      if (!client.channel.isOpen) return;
      // Checked and switched in the same tick as the last read: nothing can slip between.
      if (client.cursor >= log.lastRseq) {
        client.phase = 'live';
        return;
      }
      const items = log.readAfter(client.cursor, CATCHUP_PAGE);
      if (items === 'gone') return this.drop(client, `fell out of the event log at rseq ${client.cursor}`);
      for (const part of eventsMessages(items)) {
        if (!client.channel.isOpen) return;
        this.deliverPaced(client, part.bytes, part.last);
        await client.channel.room();
      }
    }
  }

  /** Writes a snapshot consistent with one rseq; retries when the log moved past it meanwhile. */
  private async sendSnapshot(client: StreamClient): Promise<boolean> {
    const { state } = this.deps;
    for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
      const source = state.beginSnapshot({
        now: this.deps.now(),
        staleAfterSec: this.deps.staleAfterSec,
        heartbeatMs: this.deps.heartbeatMs,
        keepTerminal: this.deps.keepTerminal,
      });
      try {
        for (const piece of source.pieces()) {
          if (!client.channel.isOpen) return false;
          if (source.preimageSize > this.deps.snapshotPreimageLimit) {
            this.drop(client, 'too slow to take a snapshot while events kept arriving');
            return false;
          }
          this.deliverPaced(client, encode(piece), undefined);
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
    let shared: EventsPart[] | undefined;
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
      let parts: EventsPart[];
      if (client.cursor < first) parts = shared ??= eventsMessages(batch);
      // Joined the fan-out mid-batch: it already read the start of this batch from the log.
      else parts = eventsMessages(batch.slice(client.cursor - first + 1));
      for (const part of parts) if (!this.deliverLive(client, part.bytes, part.last)) break;
    }
    this.enforceTotal();
  }

  /**
   * A snapshot or catch-up piece: its writer waits for room before the next one, so the queue
   * stays within the low-water mark plus one message and never makes the client a slow one. A
   * reader that takes nothing is dropped by the heartbeat's stall check instead.
   */
  private deliverPaced(client: StreamClient, bytes: Uint8Array, cursor: number | undefined): void {
    if (!this.send(client, bytes, cursor)) return;
    this.queuedSinceCheck += bytes.byteLength;
    if (this.queuedSinceCheck > TOTAL_CHECK_BYTES) this.enforceTotal();
  }

  /** A live message (fan-out, heartbeat): a live client past its queue limit is dropped. False when it was. */
  private deliverLive(client: StreamClient, bytes: Uint8Array, cursor: number | undefined): boolean {
    if (!this.send(client, bytes, cursor)) return false;
    const backlog = client.backlog;
    if (client.phase !== 'live' || backlog <= this.deps.clientQueueLimit) return true;
    this.drop(client, `slow client: ${backlog} bytes queued (limit ${this.deps.clientQueueLimit})`, 'slow');
    return false;
  }

  private send(client: StreamClient, bytes: Uint8Array, cursor: number | undefined): boolean {
    if (!client.send(bytes)) return false;
    if (cursor !== undefined) client.cursor = cursor;
    this.deps.onSent(bytes.byteLength);
    const backlog = client.backlog;
    if (backlog > this.maxBacklogSeen) this.maxBacklogSeen = backlog;
    return true;
  }

  /** Past the total for all clients, the largest backlogs go first: one stuck reader, not everyone. */
  private enforceTotal(): void {
    this.queuedSinceCheck = 0;
    const limit = this.deps.streamBytesTotal;
    if (limit === undefined) return;
    for (const { client, backlog, total } of largestBacklogsOver(this.clients, limit)) {
      this.drop(
        client,
        `stream queues over their total: ${total} bytes for all clients (limit ${limit}); this client had the largest backlog, ${backlog} bytes`,
        'total',
      );
    }
  }

  /**
   * A message outside the event log (alert changes, engine health) to every client past its
   * snapshot; the client reads it whatever rseq it is at.
   */
  broadcast(messages: readonly string[]): void {
    if (messages.length === 0 || this.clients.size === 0) return;
    const encoded = messages.map(encode);
    for (const client of this.clients) {
      if (client.phase !== 'live' && client.phase !== 'catchup') continue;
      for (const bytes of encoded) if (!this.deliverLive(client, bytes, undefined)) break;
    }
    this.enforceTotal();
  }

  /** Sends a heartbeat now; the relay also calls it when its store's health changes. */
  beat(): void {
    this.flush();
    const now = this.deps.now();
    for (const { client, queued, forMs } of stalled(this.clients, now, this.deps.heartbeatMs)) {
      this.drop(client, `no progress: ${queued} bytes queued and none taken for ${forMs} ms`, 'stalled');
    }
    const degraded = this.deps.degraded?.() ?? false;
    for (const client of this.clients) {
      if (client.phase !== 'live' && client.phase !== 'catchup') continue;
      this.deliverLive(client, encode(heartbeatMessage(now, client.cursor, this.deps.state.log.logId, degraded)), undefined);
    }
    this.enforceTotal();
  }

  private drop(client: StreamClient, reason: string, why: DropReason = 'other'): void {
    if (!this.clients.delete(client)) return;
    this.dropped++;
    this.drops[why]++;
    client.phase = 'closed';
    client.channel.abort(reason);
    this.deps.logger.warn({ client: client.id, reason, sent_bytes: client.bytesSent, clients: this.clients.size }, 'stream client dropped');
  }

  private remove(client: StreamClient, reason: string): void {
    if (!this.clients.delete(client)) return;
    client.phase = 'closed';
    this.deps.logger.info(
      { client: client.id, reason, sent_bytes: client.bytesSent, clients: this.clients.size },
      'stream client disconnected',
    );
  }
}
