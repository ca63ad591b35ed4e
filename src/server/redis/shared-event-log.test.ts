import { SharedEventLog } from './shared-event-log';

const wireEvent = { type: 'order_created' };
const wire = JSON.stringify(wireEvent);

/** Appends the event whose SSE id is `id` (`<entry>` for an entry's last event, `<entry>:<k>` for the others). */
function append(log: SharedEventLog, rseq: number, id: string, at = 0) {
  const [entry, k] = id.split(':');
  return log.appendEntry(rseq, entry!, k === undefined ? -1 : Number(k), at, wire);
}

describe('SharedEventLog', () => {
  it('keeps the cluster rseq and entry id of each event', () => {
    const log = new SharedEventLog(10, 'test');
    log.resetTo(41);
    expect(append(log, 42, '1700000000000-0', 5)).toBe(42);
    const items = log.readAfter(41, 10);
    expect(items).toHaveLength(1);
    const item = items === 'gone' ? undefined : items[0];
    expect(item).toMatchObject({ rseq: 42, at: 5, id: '1700000000000-0' });
    expect(JSON.parse(item!.event)).toEqual(wireEvent);
    expect(log.readAfter(40, 10)).toBe('gone');
  });

  it('maps an entry id back to its rseq, or to the one before a gap between ids', () => {
    const log = new SharedEventLog(10, 'test');
    append(log, 1, '100-0');
    append(log, 2, '100-5');
    append(log, 3, '250-0');
    expect(log.rseqOfId('100-5')).toBe(2);
    expect(log.rseqOfId('200-0')).toBe(2);
    expect(log.rseqOfId('999-0')).toBe(3);
    expect(log.rseqOfId('99-0')).toBeUndefined();
    expect(log.rseqOfId('7')).toBeUndefined();
  });

  it("maps a position inside a batch entry to its event, a bare entry id to the entry's last", () => {
    const log = new SharedEventLog(10, 'test');
    append(log, 1, '100-0:0');
    append(log, 2, '100-0:1');
    append(log, 3, '100-0');
    append(log, 4, '100-1:0');
    append(log, 5, '100-1');
    expect(log.rseqOfId('100-0:0')).toBe(1);
    expect(log.rseqOfId('100-0:1')).toBe(2);
    expect(log.rseqOfId('100-0')).toBe(3);
    expect(log.rseqOfId('100-1:0')).toBe(4);
    expect(log.rseqOfId('100-1')).toBe(5);
    expect(log.rseqOfId('100-0:x')).toBeUndefined();
  });

  it('restarts after a jump in rseq instead of inventing the missing events', () => {
    const log = new SharedEventLog(10, 'test');
    append(log, 1, '1-0');
    append(log, 5, '9-0');
    expect(log.firstRseq).toBe(5);
    expect(log.readAfter(1, 10)).toBe('gone');
    expect(log.readAfter(4, 10)).toHaveLength(1);
  });

  it('forgets the oldest beyond its capacity', () => {
    const log = new SharedEventLog(3, 'test');
    for (let r = 1; r <= 5; r++) append(log, r, `${r}-0`);
    expect(log.firstRseq).toBe(3);
    expect(log.rseqOfId('2-0')).toBeUndefined();
    expect(log.rseqOfId('4-0')).toBe(4);
  });
});
