import type { Logger } from 'pino';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import type { OrderBook } from '../../core/book';
import { decodeCheckpoint, encodeCheckpoint } from '../../protocol/book-checkpoint';
import { bookBlockTexts } from '../block-cache';
import { eventOf } from '../../protocol/decode';
import type { RelayConfig } from '../relay-config';
import type { RelayState } from '../relay-state';
import { Journal } from './journal';
import { JournalOpenError } from './journal-file';
import { JournaledEventLog } from './journaled-log';

/** Rows deleted per slice: a few milliseconds, then other work runs. */
const PRUNE_SLICE_ROWS = 5_000;

export interface RestoreFigures {
  /** Events replayed after the checkpoint. */
  readonly events: number;
  readonly orders: number;
  readonly checkpoint_rseq: number;
  readonly ms: number;
}

/** The journal, the resume log over it, and what the relay does with them at start. */
export interface LocalJournal {
  readonly journal: Journal;
  readonly log: JournaledEventLog;
  /** The book of the newest checkpoint, for the relay state to start from; undefined for none. */
  readonly startBook: OrderBook | undefined;
  /** Replays the events after the checkpoint into `state` and fills the resume ring. */
  restore(state: RelayState): RestoreFigures;
  /** After each committed batch: writes a checkpoint when one is due. */
  afterCommit(state: RelayState): void;
  /** A checkpoint now (clean shutdown: the next start replays nothing). */
  checkpoint(state: RelayState): void;
  /** Prunes by age and size every `pruneEveryMs`, in slices between other work; stopped by `stopPruning`. */
  startPruning(state: RelayState): void;
  stopPruning(): void;
  /** Resolves when the next prune pass has finished (tests wait on it instead of sleeping). */
  nextPrune(): Promise<void>;
  registerMetrics(registry: Registry): void;
}

export function openLocalJournal(config: RelayConfig, logger: Logger): LocalJournal {
  const journal = Journal.open(config.dataDir, config.fsync, logger);
  const log = new JournaledEventLog(journal, config.logSize, config.logBytes);
  const stored = journal.latestCheckpoint();
  let startBook: OrderBook | undefined;
  try {
    startBook = stored === undefined ? undefined : decodeCheckpoint(stored.book, config.anomalyLimit);
  } catch (error) {
    throw new JournalOpenError(
      `${journal.path}: the checkpoint at event ${stored?.rseq} cannot be read (${error instanceof Error ? error.message : String(error)}). ` +
        'Move the file away to start empty, or restore it from a backup.',
    );
  }
  const checkpointRseq = stored?.rseq ?? 0;
  let lastCheckpoint = { rseq: checkpointRseq, at: config.now() };
  const commitSeconds = new Histogram({
    name: 'orderwatch_journal_commit_seconds',
    help: 'Time to write one ingest batch to the journal (one SQLite transaction)',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [],
  });
  const journaled = new Counter({ name: 'orderwatch_journal_events_total', help: 'Events written to the journal', registers: [] });
  const checkpointSeconds = new Histogram({
    name: 'orderwatch_journal_checkpoint_seconds',
    help: 'Time to write a checkpoint of the book (ingest waits for it)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [],
  });
  const pruned = new Counter({
    name: 'orderwatch_journal_pruned_events_total',
    help: 'Journaled events pruned by retention',
    registers: [],
  });
  const lastPrune = new Gauge({
    name: 'orderwatch_journal_last_prune_timestamp_seconds',
    help: 'When pruning last finished (Unix seconds)',
    registers: [],
  });
  let pruneTimer: NodeJS.Timeout | undefined;
  let pruning = false;
  let stopped = false;
  let pruneWaiters: (() => void)[] = [];
  const passDone = (): void => {
    pruning = false;
    const waiting = pruneWaiters;
    pruneWaiters = [];
    for (const resolve of waiting) resolve();
  };
  let warnedFull = false;
  journal.onCommit = (seconds, rows) => {
    commitSeconds.observe(seconds);
    journaled.inc(rows);
  };
  const checkpoint = (state: RelayState): void => {
    const rseq = state.log.lastRseq;
    if (rseq === lastCheckpoint.rseq) return;
    const started = performance.now();
    journal.writeCheckpoint(
      rseq,
      config.now(),
      encodeCheckpoint(state.book, (orders) => bookBlockTexts(state.book, orders)),
    );
    checkpointSeconds.observe((performance.now() - started) / 1000);
    lastCheckpoint = { rseq, at: config.now() };
  };
  return {
    journal,
    log,
    startBook,
    restore: (state) => restoreInto(state, journal, log, checkpointRseq),
    afterCommit(state) {
      const due =
        state.log.lastRseq - lastCheckpoint.rseq >= config.checkpointEvents ||
        (state.log.lastRseq > lastCheckpoint.rseq && config.now() - lastCheckpoint.at >= config.checkpointSec * 1000);
      if (due) checkpoint(state);
    },
    checkpoint,
    startPruning(state) {
      const slice = (): void => {
        if (stopped || journal.degraded) return passDone();
        const overBytes = journal.fileBytes() > config.journalMaxBytes;
        const beforeAt = config.now() - config.retentionDays * 86_400_000;
        const historyGone = journal.history.pruneSlice(beforeAt, PRUNE_SLICE_ROWS);
        let gone = journal.pruneSlice(lastCheckpoint.rseq, beforeAt, overBytes, PRUNE_SLICE_ROWS);
        if (gone === 0 && overBytes && lastCheckpoint.rseq < state.log.lastRseq) {
          // Over the size cap and all that is left is newer than the checkpoint: take one, so those can go.
          checkpoint(state);
          gone = journal.pruneSlice(lastCheckpoint.rseq, beforeAt, overBytes, PRUNE_SLICE_ROWS);
        }
        pruned.inc(gone);
        if (gone === PRUNE_SLICE_ROWS || historyGone === PRUNE_SLICE_ROWS) return void setImmediate(slice);
        if (gone > 0) journal.truncateWal();
        if (overBytes && gone === 0 && !warnedFull) {
          // The checkpoints alone (the live book) are past the cap: nothing prunable is left.
          logger.warn(
            { bytes: journal.fileBytes(), max: config.journalMaxBytes },
            'journal: over --journal-max-bytes with no event left to prune',
          );
        }
        warnedFull = overBytes && gone === 0;
        lastPrune.set(config.now() / 1000);
        passDone();
      };
      pruneTimer = setInterval(() => {
        if (pruning) return;
        pruning = true;
        slice();
      }, config.pruneEveryMs);
      pruneTimer.unref();
    },
    stopPruning() {
      stopped = true;
      clearInterval(pruneTimer);
      passDone();
    },
    nextPrune: () => new Promise<void>((resolve) => pruneWaiters.push(resolve)),
    registerMetrics(registry) {
      registry.registerMetric(pruned);
      registry.registerMetric(lastPrune);
      registry.registerMetric(commitSeconds);
      registry.registerMetric(journaled);
      registry.registerMetric(checkpointSeconds);
      new Gauge({
        name: 'orderwatch_journal_bytes',
        help: 'Bytes of the journal on disk (database and write-ahead log)',
        registers: [registry],
        collect() {
          this.set(journal.fileBytes());
        },
      });
      new Gauge({
        name: 'orderwatch_journal_degraded',
        help: '1 while journal writes fail (ingest answers 503 until they succeed again)',
        registers: [registry],
        collect() {
          this.set(journal.degraded ? 1 : 0);
        },
      });
    },
  };
}

function restoreInto(state: RelayState, journal: Journal, log: JournaledEventLog, checkpointRseq: number): RestoreFigures {
  const started = performance.now();
  let events = 0;
  // The resume ring wants the newest events even when the checkpoint already holds their effect.
  const ringFrom = Math.max(0, Math.min(checkpointRseq, journal.lastRseq() - log.capacity));
  for (const page of journal.pagesAfter(ringFrom)) {
    for (const [rseq, at, json] of page) {
      if (rseq > checkpointRseq) {
        let event;
        try {
          event = eventOf(JSON.parse(json));
        } catch {
          event = undefined;
        }
        if (event === undefined) {
          throw new JournalOpenError(
            `${journal.path}: event ${rseq} cannot be read back (${json.slice(0, 80)}); the journal is damaged. ` +
              'Move it away to start empty, or restore it from a backup.',
          );
        }
        state.restore(event);
        events++;
      }
      log.restore(rseq, at, json);
    }
  }
  if (log.lastRseq < checkpointRseq) log.resetTo(checkpointRseq);
  state.totals.accepted = log.lastRseq;
  state.totals.evicted = state.book.evicted;
  return { events, orders: state.book.orders.size, checkpoint_rseq: checkpointRseq, ms: Math.round(performance.now() - started) };
}
