import type { Logger } from 'pino';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { eventOf } from '../../protocol/decode';
import type { RelayConfig } from '../relay-config';
import type { RelayState } from '../relay-state';
import { Journal } from './journal';
import { JournalOpenError } from './journal-file';
import { JournaledEventLog } from './journaled-log';

export interface RestoreFigures {
  readonly events: number;
  readonly orders: number;
  readonly ms: number;
}

/** The journal, the resume log over it, and what the relay does with them at start. */
export interface LocalJournal {
  readonly journal: Journal;
  readonly log: JournaledEventLog;
  /** Replays the journal into `state` (book, dedup marks, totals) and the resume ring. */
  restore(state: RelayState): RestoreFigures;
  registerMetrics(registry: Registry): void;
}

export function openLocalJournal(config: RelayConfig, logger: Logger): LocalJournal {
  const journal = Journal.open(config.dataDir, config.fsync, logger);
  const log = new JournaledEventLog(journal, config.logSize, config.logBytes);
  const commitSeconds = new Histogram({
    name: 'orderwatch_journal_commit_seconds',
    help: 'Time to write one ingest batch to the journal (one SQLite transaction)',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [],
  });
  const journaled = new Counter({ name: 'orderwatch_journal_events_total', help: 'Events written to the journal', registers: [] });
  journal.onCommit = (seconds, rows) => {
    commitSeconds.observe(seconds);
    journaled.inc(rows);
  };
  return {
    journal,
    log,
    restore: (state) => restoreInto(state, journal, log),
    registerMetrics(registry) {
      registry.registerMetric(commitSeconds);
      registry.registerMetric(journaled);
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

function restoreInto(state: RelayState, journal: Journal, log: JournaledEventLog): RestoreFigures {
  const started = performance.now();
  let events = 0;
  for (const row of journal.rowsAfter(0)) {
    let event;
    try {
      event = eventOf(JSON.parse(row.event));
    } catch {
      event = undefined;
    }
    if (event === undefined) {
      throw new JournalOpenError(
        `${journal.path}: event ${row.rseq} cannot be read back (${row.event.slice(0, 80)}); the journal is damaged. ` +
          'Move it away to start empty, or restore it from a backup.',
      );
    }
    state.restore(event);
    log.restore(row.rseq, row.at, row.event);
    events++;
  }
  return { events, orders: state.book.orders.size, ms: Math.round(performance.now() - started) };
}
