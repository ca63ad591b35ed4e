import { compareStreamIds, nextStreamId, parseStreamId } from './stream-id';

describe('stream ids', () => {
  it('compares numerically, not as strings', () => {
    expect(compareStreamIds('999-0', '1000-0')).toBeLessThan(0);
    expect(compareStreamIds('5-10', '5-9')).toBeGreaterThan(0);
    expect(compareStreamIds('7-1', '7-1')).toBe(0);
  });

  it('refuses old numeric rseq ids and garbage', () => {
    expect(parseStreamId('42')).toBeUndefined();
    expect(parseStreamId('1-2-3')).toBeUndefined();
    expect(parseStreamId('')).toBeUndefined();
  });

  it('names the id right after another', () => {
    expect(nextStreamId('1700000000000-4')).toBe('1700000000000-5');
  });
});
