import { describe, expect, it } from 'vitest';
import { parseHiddenColumns } from './hidden-columns';

describe('hidden columns as stored', () => {
  it('keeps known column ids and drops anything else', () => {
    expect([...parseHiddenColumns('["fees","route","nope",3,null]')]).toEqual(['fees', 'route']);
  });

  it('reads nothing stored, garbage and non-arrays as no column hidden', () => {
    for (const raw of [null, '', '{', '{"fees":true}', '"fees"']) expect(parseHiddenColumns(raw).size).toBe(0);
  });
});
