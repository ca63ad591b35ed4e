import { describe, expect, it } from 'vitest';
import { zeroByStatus } from '../../core/status';
import { donutSlices } from './donut-arcs';

/** The path's points as [x, y] pairs (the numbers after M, L and the arcs' end points). */
function ends(path: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /([MLZ])\s*([-\d.]+)?\s*([-\d.]+)?|A\s*[-\d.]+\s+[-\d.]+\s+0\s+[01]\s+[01]\s+([-\d.]+)\s+([-\d.]+)/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m[4] !== undefined) out.push([Number(m[4]), Number(m[5])]);
    else if (m[2] !== undefined) out.push([Number(m[2]), Number(m[3])]);
  }
  return out;
}

describe('donut slices', () => {
  it('one slice per status present, in status order, shares summing to one, clockwise from twelve', () => {
    const slices = donutSlices({ ...zeroByStatus(), OPEN: 1, FILLED: 3 }, 48, 30);
    expect(slices.map((s) => s.status)).toEqual(['OPEN', 'FILLED']);
    expect(slices.map((s) => s.share)).toEqual([0.25, 0.75]);
    // OPEN runs from twelve to three o'clock on the outer ring, then back on the inner one.
    const [start, outerEnd, innerEnd, innerStart] = ends(slices[0]!.path);
    expect(start).toEqual([50, 2]);
    expect(outerEnd).toEqual([98, 50]);
    expect(innerEnd).toEqual([80, 50]);
    expect(innerStart).toEqual([50, 20]);
    // FILLED is the large arc (three quarters).
    expect(slices[1]!.path).toMatch(/A 48 48 0 1 1/);
  });

  it('draws a lone status as a full ring (two halves) and nothing for an empty book', () => {
    const [ring] = donutSlices({ ...zeroByStatus(), FILLED: 7 });
    expect(ring!.share).toBe(1);
    expect(ring!.path.match(/M /g)).toHaveLength(2);
    expect(donutSlices(zeroByStatus())).toEqual([]);
  });
});
