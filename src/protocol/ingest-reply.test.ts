import { describe, expect, it } from 'vitest';
import { emptyTally } from './ingest';
import { ingestReply, readIngestReply } from './ingest-reply';

describe('the ingest reply, written and read back', () => {
  it('round-trips a tally, with rejected_total only when the list is cut and error only when given', () => {
    const tally = { ...emptyTally(), accepted: 3, duplicates: 1, anomalies: 2, rejected: [{ line: 4, error: 'type: bad' }] };
    expect(readIngestReply(JSON.parse(JSON.stringify(ingestReply(tally, 0))))).toEqual(tally);
    const cut = ingestReply(tally, 9, 'body larger than 10 bytes');
    expect(readIngestReply(JSON.parse(JSON.stringify(cut)))).toEqual({ ...tally, rejected_total: 10, error: 'body larger than 10 bytes' });
  });

  it.each([
    [null, 'ingest reply: want a JSON object'],
    [{ accepted: -1, duplicates: 0, anomalies: 0, rejected: [] }, 'ingest reply: accepted must be a count, got -1'],
    [{ accepted: 1, duplicates: 0, anomalies: 0 }, 'ingest reply: rejected must be an array'],
    [{ accepted: 1, duplicates: 0, anomalies: 0, rejected: [{ line: 1 }] }, 'ingest reply: rejected[0] must be {line, error}'],
    [{ accepted: 1, duplicates: 0, anomalies: 0, rejected: [], error: 5 }, 'ingest reply: error must be a string'],
  ])('refuses %j', (value, message) => {
    expect(() => readIngestReply(value)).toThrow(message);
  });
});
