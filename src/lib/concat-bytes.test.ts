import { describe, expect, it } from 'vitest';
import { concatBytes } from './concat-bytes';

describe('concatBytes', () => {
  it('joins parts in order, counting their length when not given it', () => {
    expect([...concatBytes([Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)])]).toEqual([1, 2, 3]);
    expect([...concatBytes([Uint8Array.of(4, 5), Uint8Array.of(6)], 3)]).toEqual([4, 5, 6]);
    expect(concatBytes([]).length).toBe(0);
  });

  it('copies: changing a part afterwards leaves the joined bytes alone', () => {
    const part = Uint8Array.of(7);
    const joined = concatBytes([part]);
    part[0] = 8;
    expect(joined[0]).toBe(7);
  });
});
