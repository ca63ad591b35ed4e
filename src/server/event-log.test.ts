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
    expect(second === 'gone' ? second : { ...second[0], event: JSON.parse(second[0]!.event) }).toEqual({
      rseq: 2,
      at: 1001,
      id: undefined,
      event: { type: 'order_created', n: 1 },
    });
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

  it('forgets the oldest events past its byte budget, keeping the newest even when it alone is over', () => {
    // {"r":"xxxxxxxx"} is 16 bytes of JSON.
    const log = new MemoryEventLog(100, 'id', 40);
    for (let i = 0; i < 5; i++) log.append(i, { r: 'x'.repeat(8) });
    expect(log.bytesHeld).toBe(32);
    expect(log.firstRseq).toBe(4);
    expect(log.readAfter(2, 10)).toBe('gone');
    expect(rseqs(log.readAfter(3, 10))).toEqual([4, 5]);
    log.append(5, { r: 'y'.repeat(100) });
    expect(log.firstRseq).toBe(6);
    expect(log.bytesHeld).toBe(108);
    expect(rseqs(log.readAfter(5, 10))).toEqual([6]);
    log.append(6, { r: 'é' });
    // Bytes, not characters: é is two.
    expect(log.bytesHeld).toBe(10);
    expect(log.firstRseq).toBe(7);
  });

  it('tells its listener the oldest rseq before forgetting it, by count or by bytes', () => {
    const log = new MemoryEventLog(3, 'id', 50);
    const told: [number, number][] = [];
    log.onForget((rseq) => told.push([rseq, log.firstRseq]));
    for (let i = 0; i < 4; i++) log.append(i, { i });
    expect(told).toEqual([[1, 1]]);
    log.append(4, { r: 'x'.repeat(50) });
    expect(told).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(log.firstRseq).toBe(5);
    log.resetTo(10);
    expect(log.bytesHeld).toBe(0);
    expect(log.readAfter(10, 5)).toEqual([]);
  });
});
