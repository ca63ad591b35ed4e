import { describe, expect, it } from 'vitest';
import { BoundedList } from './bounded-list';

describe('BoundedList', () => {
  it('keeps the newest `limit` items, oldest first, and counts what it dropped', () => {
    const list = new BoundedList<number>(3);
    for (let i = 1; i <= 5; i++) list.push(i);
    expect(list.toArray()).toEqual([3, 4, 5]);
    expect(list.size).toBe(3);
    expect(list.droppedCount).toBe(2);
  });

  it('tail(n) gives the newest n, oldest first, and never more than it holds', () => {
    const list = new BoundedList<number>(4);
    for (let i = 1; i <= 6; i++) list.push(i);
    expect(list.tail(2)).toEqual([5, 6]);
    expect(list.tail(10)).toEqual([3, 4, 5, 6]);
    expect(list.tail(0)).toEqual([]);
  });

  it('limit 0 keeps nothing; Infinity keeps everything', () => {
    const none = new BoundedList<string>(0);
    none.push('a');
    expect(none.toArray()).toEqual([]);
    expect(none.droppedCount).toBe(1);
    const all = new BoundedList<number>(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 5000; i++) all.push(i);
    expect(all.size).toBe(5000);
    expect(all.droppedCount).toBe(0);
  });

  it('stays correct across many compactions, with backing storage near 2 × limit', () => {
    const list = new BoundedList<number>(2000);
    for (let i = 0; i < 100_000; i++) list.push(i);
    expect(list.size).toBe(2000);
    expect(list.toArray()[0]).toBe(98_000);
    expect(list.tail(1)).toEqual([99_999]);
    const backing = (list as unknown as { items: number[] }).items.length;
    expect(backing).toBeLessThanOrEqual(2 * 2000 + 1);
  });

  it('toArray is a copy', () => {
    const list = new BoundedList<number>(2);
    list.push(1);
    list.toArray().push(99);
    expect(list.toArray()).toEqual([1]);
  });

  it('clear empties it', () => {
    const list = new BoundedList<number>(2);
    list.push(1);
    list.clear();
    expect(list.size).toBe(0);
    list.push(2);
    expect(list.toArray()).toEqual([2]);
  });

  it.each([-1, Number.NaN])('refuses limit %d', (limit) => {
    expect(() => new BoundedList(limit)).toThrow(RangeError);
  });
});
