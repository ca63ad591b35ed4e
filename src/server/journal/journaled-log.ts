import { MemoryEventLog } from '../event-log';
import type { Journal } from './journal';

/**
 * The in-memory resume ring with every appended event also staged in the journal: resume reads
 * stay in memory, the journal is written once per ingest batch (`Journal.commit`). Its numbering
 * is the journal's (`log_id`), so after a restart a dashboard's `Last-Event-ID` still means the
 * same event and it resumes without a snapshot.
 */
export class JournaledEventLog extends MemoryEventLog {
  constructor(
    private readonly journal: Journal,
    capacity: number,
    byteBudget: number,
  ) {
    super(capacity, journal.logId, byteBudget);
  }

  override append(at: number, wireEvent: Readonly<Record<string, unknown>>): number {
    const rseq = this.last + 1;
    const json = JSON.stringify(wireEvent);
    this.put(rseq, at, json);
    this.journal.stage(rseq, at, json);
    return rseq;
  }

  /** Puts back an event read from the journal at restart (not staged again). */
  restore(rseq: number, at: number, json: string): void {
    if (rseq !== this.last + 1) this.resetTo(rseq - 1);
    this.put(rseq, at, json);
  }
}
