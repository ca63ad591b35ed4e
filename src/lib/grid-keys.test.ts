import { describe, expect, it } from 'vitest';
import { nextActiveIndex } from './grid-keys';

describe('grid keyboard model', () => {
  it('moves by one, by a page, and to the ends, clamped', () => {
    expect(nextActiveIndex('ArrowDown', -1, 100, 20)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 99, 100, 20)).toBe(99);
    expect(nextActiveIndex('ArrowUp', 0, 100, 20)).toBe(0);
    expect(nextActiveIndex('PageDown', 10, 100, 20)).toBe(30);
    expect(nextActiveIndex('PageDown', 90, 100, 20)).toBe(99);
    expect(nextActiveIndex('PageUp', 10, 100, 20)).toBe(0);
    expect(nextActiveIndex('Home', 50, 100, 20)).toBe(0);
    expect(nextActiveIndex('End', 50, 100, 20)).toBe(99);
  });

  it('ignores other keys and empty grids', () => {
    expect(nextActiveIndex('a', 3, 100, 20)).toBeNull();
    expect(nextActiveIndex('ArrowDown', -1, 0, 20)).toBeNull();
  });
});
