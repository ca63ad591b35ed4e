import type { Logger } from 'pino';
import type { RelayConfig } from '../relay-config';
import { Journal } from './journal';

/** How often finished orders are written in `--store` mode: one small transaction per interval. */
const COMMIT_MS = 250;

/**
 * `--store` mode (issue 15 §3): Redis is the event log, but each relay keeps the orders it sees
 * finish, and its alerts, in a journal file of its own data directory. Every relay applies every
 * event of the shared stream, so their histories hold the same orders. Its `events` table stays
 * empty; retention prunes the history by completion time.
 */
export function openHistorySidecar(config: RelayConfig, logger: Logger): { journal: Journal; close(): void } {
  const journal = Journal.open(config.dataDir, config.fsync, logger);
  const commit = (): void => {
    try {
      journal.commit();
    } catch {
      // Logged and retried by the journal itself; the live view never waits for history.
    }
  };
  const timer = setInterval(commit, COMMIT_MS);
  timer.unref();
  const prune = setInterval(() => {
    try {
      // In slices, so a large first prune never holds the event loop for long.
      const before = config.now() - config.retentionDays * 86_400_000;
      while (journal.history.pruneSlice(before, 5_000) === 5_000);
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'history: prune failed');
    }
  }, 3_600_000);
  prune.unref();
  logger.info({ path: journal.path }, 'history and alerts kept in the data directory (the event log is in Redis)');
  return {
    journal,
    close: () => {
      clearInterval(timer);
      clearInterval(prune);
      commit();
      journal.close();
    },
  };
}
