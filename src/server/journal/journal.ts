import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Order } from '../../core/order';
import type { FsyncMode, JournalFile } from './journal-file';
import { OrderHistory } from './order-history';
import { openJournalFile } from './journal-file';

/** One journaled event: the log's rseq, the relay's receive time and the wire JSON. */
/** A journal row as read back in bulk: `[rseq, at, event JSON]`. */
export type JournalTuple = readonly [rseq: number, at: number, event: string];

export interface JournalRow {
  readonly rseq: number;
  readonly at: number;
  readonly event: string;
}

/** Seconds an engine is asked to wait while the journal cannot write. */
export const JOURNAL_RETRY_AFTER_S = 2;
/** How often a failed commit is tried again (the disk may have room again). */
const RETRY_MS = 1_000;

export interface JournalStats {
  readonly path: string;
  readonly events: number;
  /** The rseq the newest checkpoint holds (0 before the first): a restart replays only what follows it. */
  readonly checkpointRseq: number;
  readonly bytes: number;
  readonly degraded: boolean;
  readonly lastError: string | undefined;
}

/**
 * The write side of the journal. Events are staged as the relay accepts them and written in one
 * transaction per ingest batch (`commit`), before the reply: group commit, never one per event.
 * A failed write (disk full, I/O error) keeps what was staged, reports degraded, and is retried
 * until it succeeds; nothing staged is dropped.
 */
export class Journal {
  readonly logId: string;
  private readonly db: Database.Database;
  private staged: JournalRow[] = [];
  private finished: Order[] = [];
  readonly history: OrderHistory;
  private readonly insert: Database.Statement<[number, number, string]>;
  private readonly writeRows: (rows: readonly JournalRow[], finished: readonly Order[]) => void;
  private failure: string | undefined;
  private retry: NodeJS.Timeout | undefined;
  private rowCount: number;
  /** Commit durations in seconds, for /metrics. */
  onCommit: (seconds: number, rows: number) => void = () => {};
  onHealthChange: () => void = () => {};

  private constructor(
    private readonly file: JournalFile,
    private readonly logger: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  ) {
    this.db = file.db;
    const meta = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    const known = meta.get('log_id') as string | undefined;
    this.logId = known ?? randomUUID();
    if (known === undefined) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('log_id', this.logId);
    this.insert = this.db.prepare('INSERT INTO events (rseq, at, event) VALUES (?, ?, ?)');
    this.history = new OrderHistory(this.db);
    this.writeRows = this.db.transaction((rows: readonly JournalRow[], finished: readonly Order[]) => {
      for (const row of rows) this.insert.run(row.rseq, row.at, row.event);
      for (const order of finished) this.history.write(order);
    });
    this.rowCount = this.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  }

  static open(dataDir: string, fsync: FsyncMode, logger: Journal['logger']): Journal {
    return new Journal(openJournalFile(dataDir, fsync), logger);
  }

  get path(): string {
    return this.file.path;
  }

  get degraded(): boolean {
    return this.failure !== undefined;
  }

  /** Retry-After seconds while writes fail; undefined when the journal takes events. */
  unavailable(): number | undefined {
    return this.degraded ? JOURNAL_RETRY_AFTER_S : undefined;
  }

  /** The newest journaled rseq (0 for an empty journal). */
  lastRseq(): number {
    return (this.db.prepare('SELECT max(rseq) FROM events').pluck().get() as number | null) ?? 0;
  }

  stage(rseq: number, at: number, event: string): void {
    this.staged.push({ rseq, at, event });
  }

  /** An order that just finished: into the history table with the event that finished it. */
  stageFinished(order: Order): void {
    this.finished.push(order);
  }

  /**
   * Writes what was staged in one transaction. Throws when the write fails: the rows stay
   * staged, the journal is degraded and retries by itself.
   */
  commit(): void {
    if (this.staged.length === 0 && this.finished.length === 0) return;
    const rows = this.staged;
    const started = performance.now();
    try {
      this.writeRows(rows, this.finished);
    } catch (error) {
      this.fail(error);
      throw new Error(`journal write failed: ${this.failure}`, { cause: error });
    }
    this.staged = [];
    this.finished = [];
    this.rowCount += rows.length;
    this.onCommit((performance.now() - started) / 1000, rows.length);
    if (this.failure !== undefined) this.recover();
  }

  /** The newest checkpoint: the book as of `rseq` (book-checkpoint.ts). */
  latestCheckpoint(): { rseq: number; at: number; book: string } | undefined {
    return this.db.prepare('SELECT rseq, at, book FROM checkpoints ORDER BY rseq DESC LIMIT 1').get() as
      { rseq: number; at: number; book: string } | undefined;
  }

  /** Stores a checkpoint and drops all but the newest two (one to fall back on). */
  writeCheckpoint(rseq: number, at: number, book: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR REPLACE INTO checkpoints (rseq, at, book) VALUES (?, ?, ?)').run(rseq, at, book);
      this.db.prepare('DELETE FROM checkpoints WHERE rseq NOT IN (SELECT rseq FROM checkpoints ORDER BY rseq DESC LIMIT 2)').run();
    })();
  }

  /**
   * Rows after `rseq`, oldest first, as `[rseq, at, event]` in pages of `pageRows` (a restart
   * reads millions: a page read as arrays costs a third less than a row-by-row iterator of objects).
   */
  *pagesAfter(rseq: number, pageRows = 10_000): Generator<readonly JournalTuple[]> {
    const page = this.db.prepare('SELECT rseq, at, event FROM events WHERE rseq > ? ORDER BY rseq LIMIT ?').raw(true);
    for (let from = rseq; ;) {
      const rows = page.all(from, pageRows) as JournalTuple[];
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageRows) return;
      from = rows[rows.length - 1]![0];
    }
  }

  stats(): JournalStats {
    return {
      path: this.file.path,
      events: this.rowCount,
      checkpointRseq: (this.db.prepare('SELECT max(rseq) FROM checkpoints').pluck().get() as number | null) ?? 0,
      bytes: this.fileBytes(),
      degraded: this.degraded,
      lastError: this.failure,
    };
  }

  /**
   * Deletes up to `maxRows` of the oldest events at or below `upToRseq` (a checkpoint holds their
   * effect) that are older than `beforeAt`, or, when `overBytes`, whatever their age. Small
   * slices, so ingest never waits long behind it. Returns how many went.
   */
  pruneSlice(upToRseq: number, beforeAt: number, overBytes: boolean, maxRows: number): number {
    const deleted = overBytes
      ? this.db
          .prepare('DELETE FROM events WHERE rseq IN (SELECT rseq FROM events WHERE rseq <= ? ORDER BY rseq LIMIT ?)')
          .run(upToRseq, maxRows)
      : this.db
          .prepare('DELETE FROM events WHERE rseq IN (SELECT rseq FROM events WHERE rseq <= ? AND at < ? ORDER BY rseq LIMIT ?)')
          .run(upToRseq, beforeAt, maxRows);
    this.rowCount -= deleted.changes;
    if (deleted.changes > 0) this.db.pragma('incremental_vacuum');
    return deleted.changes;
  }

  /** Moves the write-ahead log into the database and truncates it (after pruning, so the bytes go). */
  truncateWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** The database and its WAL on disk. */
  fileBytes(): number {
    let total = 0;
    for (const suffix of ['', '-wal']) {
      try {
        total += statSync(this.file.path + suffix).size;
      } catch {
        // No WAL yet (or already checkpointed away).
      }
    }
    return total;
  }

  /** The database handle, for tests that need to make the disk "full" (max_page_count). */
  get database(): Database.Database {
    return this.db;
  }

  /** Writes what is staged (best effort) and closes the file. */
  close(): void {
    clearTimeout(this.retry);
    try {
      this.commit();
    } catch {
      this.logger.warn({ staged: this.staged.length, path: this.file.path }, 'journal: closing with events it could not write');
    }
    this.db.close();
  }

  private fail(error: unknown): void {
    const first = this.failure === undefined;
    this.failure = error instanceof Error ? error.message : String(error);
    if (first) {
      this.logger.warn({ err: this.failure, staged: this.staged.length, path: this.file.path }, 'journal: write failed; ingest paused');
      this.onHealthChange();
    }
    clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      try {
        this.commit();
      } catch {
        // fail() has scheduled the next try.
      }
    }, RETRY_MS);
    this.retry.unref();
  }

  private recover(): void {
    this.logger.info({ path: this.file.path }, 'journal: writing again; ingest resumed');
    this.failure = undefined;
    clearTimeout(this.retry);
    this.onHealthChange();
  }
}
