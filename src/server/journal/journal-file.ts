import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StartError } from '../start-error';

/*
 * The relay's journal: one SQLite file in WAL mode (issue 15). Every accepted event is in it
 * before its ingest is acknowledged, so a restart (or kill -9) loses nothing that was answered.
 * A file is opened only when it says it is an Orderwatch journal of a schema this code reads;
 * anything else stops the relay with a message, it is never reset.
 */

export const JOURNAL_FILE = 'orderwatch.db';
/** PRAGMA application_id: "OWJ1". SQLite files of other programs carry 0 or their own. */
export const APPLICATION_ID = 0x4f574a31;

/** How hard a commit waits for the disk (`--fsync`). */
export type FsyncMode = 'normal' | 'always';

/**
 * Schema versions, in order: index i migrates from version i to i + 1 (PRAGMA user_version).
 * Append, never edit: a journal written by an older relay is brought up to date step by step.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
   CREATE TABLE events (rseq INTEGER PRIMARY KEY, at INTEGER NOT NULL, event TEXT NOT NULL) STRICT;
   CREATE INDEX events_at ON events (at);
   CREATE TABLE checkpoints (rseq INTEGER PRIMARY KEY, at INTEGER NOT NULL, book TEXT NOT NULL) STRICT;`,
  // Finished orders, written as they finish, so they can be found after they leave the live book.
  `CREATE TABLE history (
     client_order_id TEXT NOT NULL, created_at INTEGER NOT NULL, completed_at INTEGER NOT NULL,
     order_id TEXT, engine TEXT NOT NULL, symbol TEXT NOT NULL, side TEXT NOT NULL, status TEXT NOT NULL,
     json TEXT NOT NULL, PRIMARY KEY (client_order_id, created_at)) STRICT;
   CREATE INDEX history_scan ON history (completed_at, client_order_id, status, engine, symbol, side);
   CREATE INDEX history_order_id ON history (order_id);
   CREATE INDEX history_symbol ON history (symbol, completed_at);`,
  // Alerts (issue 16): each alert's latest state, the silences, and every operator action as an audit trail.
  `CREATE TABLE alerts (id TEXT PRIMARY KEY, open INTEGER NOT NULL, at INTEGER NOT NULL, alert TEXT NOT NULL) STRICT;
   CREATE INDEX alerts_open ON alerts (open, at);
   CREATE TABLE silences (id TEXT PRIMARY KEY, ends_at INTEGER NOT NULL, silence TEXT NOT NULL) STRICT;
   CREATE TABLE alert_actions (n INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, action TEXT NOT NULL) STRICT;`,
  // A status, engine and symbol together are rare in the scan index: at 1,000,000 orders it read most of it (p95 136 ms).
  `CREATE INDEX history_filter ON history (status, engine, symbol, completed_at, client_order_id);`,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Why a journal file cannot be used; the message says which file and what to do (so no stack is printed). */
export class JournalOpenError extends StartError {
  override readonly name = 'JournalOpenError';
}

export interface JournalFile {
  readonly db: Database.Database;
  readonly path: string;
  /** True when this open created the schema (a new, empty journal). */
  readonly created: boolean;
}

/** Opens (creating when absent) the journal in `dataDir`, checked and migrated. */
export function openJournalFile(dataDir: string, fsync: FsyncMode): JournalFile {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, JOURNAL_FILE);
  let db: Database.Database;
  try {
    // timeout 0: a journal another relay holds is refused at once, not waited for.
    db = new Database(path, { timeout: 0 });
  } catch (error) {
    throw new JournalOpenError(`${path}: cannot open (${message(error)}); check the path and its permissions, or set --data-dir`);
  }
  try {
    // One relay per journal: two would hand out the same rseq. The lock is held until close.
    db.pragma('locking_mode = EXCLUSIVE');
    const created = checkAndMigrate(db, path);
    // WAL: readers never block the writer, a commit is one append. NORMAL survives a process
    // crash (the WAL is on disk); only a power loss can take the last commits. FULL syncs each.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${fsync === 'always' ? 'FULL' : 'NORMAL'}`);
    return { db, path, created };
  } catch (error) {
    db.close();
    if (error instanceof JournalOpenError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new JournalOpenError(`${path} is in use by another relay; each relay needs its own --data-dir`);
    }
    throw new JournalOpenError(`${path}: not a readable Orderwatch journal (${message(error)}); move it away or set --data-dir`);
  }
}

function checkAndMigrate(db: Database.Database, path: string): boolean {
  // The first read is where a file that is not SQLite at all fails ("file is not a database").
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
    throw new JournalOpenError(
      `${path} is not an Orderwatch journal (application_id ${appId}, ${tables} tables): it was left as it is. ` +
        'Move it away, or point --data-dir at another directory.',
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new JournalOpenError(
      `${path} was written by a newer Orderwatch (journal schema ${version}; this relay reads up to ${SCHEMA_VERSION}). ` +
        'Run that version, or point --data-dir at another directory.',
    );
  }
  const created = version === 0;
  // Pruned pages can be given back to the file system (PRAGMA incremental_vacuum); only settable before the first table.
  if (created) db.pragma('auto_vacuum = INCREMENTAL');
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
  return created;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
