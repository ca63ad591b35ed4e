import { assignRowSlots } from './grid-keys';

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

describe('assignRowSlots', () => {
  it('gives a first window slots 0..n-1', () => {
    const slots = assignRowSlots(new Map(), range(0, 5));
    expect([...slots.values()]).toEqual([0, 1, 2, 3, 4]);
  });

  it('hands the slot of the row scrolling out to the row scrolling in, and keeps the rest', () => {
    const before = assignRowSlots(new Map(), range(10, 5));
    const after = assignRowSlots(before, range(11, 5));
    for (const index of range(11, 4)) expect(after.get(index)).toBe(before.get(index));
    expect(after.get(15)).toBe(before.get(10));
  });

  it('keeps slots distinct when the window grows, shrinks or jumps', () => {
    let slots = assignRowSlots(new Map(), range(0, 40));
    for (const window of [range(3, 41), range(5, 38), range(900, 40), range(899, 42), range(0, 10)]) {
      const next = assignRowSlots(slots, window);
      expect(new Set(next.values()).size).toBe(window.length);
      expect([...next.keys()].sort((a, b) => a - b)).toEqual(window);
      slots = next;
    }
  });

  it('reuses slots after a jump instead of growing the pool', () => {
    const before = assignRowSlots(new Map(), range(0, 30));
    const after = assignRowSlots(before, range(5000, 30));
    expect(new Set(after.values())).toEqual(new Set(before.values()));
  });
});
