import type { LogItem } from './event-log';
import { MemoryEventLog } from './event-log';

function rseqs(items: readonly LogItem[] | 'gone'): number[] | 'gone' {
  return items === 'gone' ? 'gone' : items.map((i) => i.rseq);
}

describe('MemoryEventLog', () => {
  it('numbers events from 1 and reads after a given rseq', () => {
    const log = new MemoryEventLog(10);
    expect(log.readAfter(0, 10)).toEqual([]);
    for (let i = 0; i < 3; i++) log.append(1000 + i, { type: 'order_created', n: i });
    expect(rseqs(log.readAfter(1, 10))).toEqual([2, 3]);
    const second = log.readAfter(1, 1);
    expect(second === 'gone' ? second : { ...second[0], event: JSON.parse(second[0]!.event) }).toEqual({ rseq: 2, at: 1001, id: undefined, event: { type: 'order_created', n: 1 } });
    expect(log.readAfter(3, 10)).toEqual([]);
  });

  it('forgets the oldest events beyond its capacity and says so', () => {
    const log = new MemoryEventLog(4);
    for (let i = 0; i < 10; i++) log.append(i, { i });
    expect(log.firstRseq).toBe(7);
    expect(log.lastRseq).toBe(10);
    expect(log.readAfter(5, 10)).toBe('gone');
    expect(rseqs(log.readAfter(6, 10))).toEqual([7, 8, 9, 10]);
    expect(rseqs(log.readAfter(6, 2))).toEqual([7, 8]);
  });

  it('treats an rseq ahead of the log (an earlier relay process) or not an integer as gone', () => {
    const log = new MemoryEventLog(4);
    log.append(0, {});
    expect(log.readAfter(5, 10)).toBe('gone');
    expect(log.readAfter(0.5, 10)).toBe('gone');
  });
});
