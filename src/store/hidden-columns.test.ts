import { describe, expect, it } from 'vitest';
import { parseHiddenColumns } from './hidden-columns';

describe('hidden columns as stored', () => {
  it('keeps known column ids and drops anything else', () => {
    expect([...parseHiddenColumns('["fees","route","nope",3,null]')]).toEqual(['fees', 'route']);
  });

  it('reads nothing stored, garbage and non-arrays as no column hidden', () => {
    for (const raw of [null, '', '{', '{"fees":true}', '"fees"']) expect(parseHiddenColumns(raw).size).toBe(0);
  });

  it('starts a browser with nothing stored from the fallback it is given (the narrow screen’s set)', () => {
    const narrow = new Set(['fees', 'avg_price'] as const);
    expect(parseHiddenColumns(null, narrow)).toBe(narrow);
    expect(parseHiddenColumns('[]', narrow).size).toBe(0);
  });
});
