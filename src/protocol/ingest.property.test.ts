import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialStream } from '../../test/arbitraries/order-events';
import { bookState } from '../../test/support/book-state';
import { checkProperty } from '../../test/support/check-property';
import { applyEvent } from '../core/apply';
import { createBook } from '../core/book';
import { toNdjsonLine } from './encode';
import { emptyTally, ingestLine } from './ingest';
import { LineSplitter } from './line-splitter';

describe('wire round trip', () => {
  it('events encoded as NDJSON, cut into arbitrary chunks and ingested, give the state of applying them directly', () => {
    checkProperty(
      fc.property(adversarialStream, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (events, cuts, crlf) => {
        const direct = createBook();
        for (const e of events) applyEvent(direct, e);

        const text = events.map((e) => (crlf ? toNdjsonLine(e).replace('\n', '\r\n') : toNdjsonLine(e))).join('');
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const wired = createBook();
        const tally = emptyTally();
        const splitter = new LineSplitter();
        let from = 0;
        for (const to of [...points, bytes.length]) {
          for (const line of splitter.push(bytes.subarray(from, to))) ingestLine(wired, line, tally);
          from = to;
        }
        for (const line of splitter.end()) ingestLine(wired, line, tally);

        expect(tally.rejected).toEqual([]);
        expect(bookState(wired)).toEqual(bookState(direct));
        expect(tally.duplicates).toBe(direct.duplicates);
        expect(tally.accepted).toBe(events.length - direct.duplicates);
      }),
      { numRuns: 150 },
    );
  });
});
