import type { IngestTally } from '../protocol/ingest';
import type { Line } from '../protocol/line-splitter';
import type { IngestStore } from './ingest-handler';
import type { Journal } from './journal/journal';
import type { RelayState } from './relay-state';

/**
 * Ingest into this relay's own book (no `--store`): lines are applied as they arrive and, with
 * a journal, written to it in one transaction per batch before the request can be answered.
 */
export class LocalIngest implements IngestStore {
  readonly gathersChunks = false;

  constructor(
    private readonly state: RelayState,
    private readonly journal: Journal | undefined,
    /** After each batch is in the journal (checkpoints are taken there). */
    private readonly afterCommit: () => void = () => {},
  ) {}

  unavailable(): number | undefined {
    return this.journal?.unavailable();
  }

  begin(): { accept(lines: readonly Line[], tally: IngestTally): Promise<void>; settle(): Promise<void> } {
    return {
      accept: (lines, tally) => {
        this.state.ingest(lines, tally);
        // Throws when the write fails: the request then ends 503, the events stay staged and are retried.
        this.journal?.commit();
        this.afterCommit();
        return Promise.resolve();
      },
      settle: () => Promise.resolve(),
    };
  }
}
