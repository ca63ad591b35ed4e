import {
  compareEventPositions,
  compareStreamIds,
  idAtPlace,
  nextStreamId,
  parseEventPosition,
  parseStreamId,
  placeInEntry,
} from './stream-id';

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

  it('names events by their place in a batch entry, the last one by the bare entry id', () => {
    expect([0, 1, 2].map((k) => idAtPlace('5-1', placeInEntry(k, 3)))).toEqual(['5-1:0', '5-1:1', '5-1']);
    const order = ['5-0', '5-1:0', '5-1:1', '5-1', '6-0:0'].map((id) => parseEventPosition(id)!);
    for (let i = 1; i < order.length; i++) expect(compareEventPositions(order[i - 1]!, order[i]!)).toBeLessThan(0);
    expect(parseEventPosition('5-1:2')).toMatchObject({ entry: '5-1', k: 2 });
    expect(parseEventPosition('5-1:')).toBeUndefined();
    expect(parseEventPosition('42')).toBeUndefined();
  });
});
