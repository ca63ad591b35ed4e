import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkProperty } from '../../test/support/check-property';
import type { Line } from './line-splitter';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from './line-splitter';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Feeds the chunks in order and returns every line, the trailing one included. */
function split(chunks: Uint8Array[], max?: number): Line[] {
  const splitter = new LineSplitter(max);
  const out: Line[] = [];
  for (const c of chunks) out.push(...splitter.push(c));
  out.push(...splitter.end());
  return out;
}

/** The same bytes cut at every given offset. */
function cutAt(data: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [0, ...offsets, data.length];
  return points.slice(1).map((end, i) => data.subarray(points[i], end));
}

describe('LineSplitter', () => {
  it('numbers lines from 1 and yields each as soon as its newline arrives', () => {
    const s = new LineSplitter();
    expect(s.push(bytes('{"a":1}\n{"b":'))).toEqual([{ line: 1, text: '{"a":1}' }]);
    expect(s.push(bytes('2}\n'))).toEqual([{ line: 2, text: '{"b":2}' }]);
    expect(s.end()).toEqual([]);
    expect(s.linesSeen).toBe(2);
  });

  it('gives the same lines however the bytes are chunked, even mid-character', () => {
    const text = '{"sym":"€uro"}\n{"n":"日本"}\r\n\n{"e":"😀"}';
    const data = bytes(text);
    const whole = split([data]);
    expect(whole).toEqual([
      { line: 1, text: '{"sym":"€uro"}' },
      { line: 2, text: '{"n":"日本"}' },
      { line: 4, text: '{"e":"😀"}' },
    ]);
    for (let cut = 1; cut < data.length; cut++) expect(split(cutAt(data, [cut]))).toEqual(whole);
    expect(
      split(
        cutAt(
          data,
          Array.from({ length: data.length - 1 }, (_, i) => i + 1),
        ),
      ),
    ).toEqual(whole);
  });

  it('strips CR of CRLF, skips blank and whitespace-only lines but still counts them', () => {
    expect(split([bytes('\r\n   \n{"x":1}\r\n\t\r\n{"y":2}\n')])).toEqual([
      { line: 3, text: '{"x":1}' },
      { line: 5, text: '{"y":2}' },
    ]);
  });

  it('returns the final line when the stream ends without a newline', () => {
    expect(split([bytes('{"a":1}\n{"b":2}')])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
    ]);
  });

  it('isolates a line of invalid UTF-8 without harming its neighbours', () => {
    const bad = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const truncated = bytes('{"x":"€"}').subarray(0, 8);
    const data = new Uint8Array([...bytes('{"a":1}\n'), ...bad, 0x0a, ...truncated, 0x0a, ...bytes('{"b":2}\n')]);
    const expected = [
      { line: 1, text: '{"a":1}' },
      { line: 2, error: 'invalid UTF-8' },
      { line: 3, error: 'invalid UTF-8' },
      { line: 4, text: '{"b":2}' },
    ];
    expect(split([data])).toEqual(expected);
    expect(split(cutAt(data, [9, 10, 15]))).toEqual(expected);
  });

  it('rejects an overlong line without buffering it, then carries on', () => {
    const s = new LineSplitter(16);
    expect(s.push(bytes('{"ok":1}\n0123456789'))).toEqual([{ line: 1, text: '{"ok":1}' }]);
    // Far more than the limit arrives; the splitter must not hold on to it.
    for (let i = 0; i < 100; i++) expect(s.push(bytes('x'.repeat(1000)))).toEqual([]);
    expect((s as unknown as { partBytes: number }).partBytes).toBe(0);
    expect(s.push(bytes('tail\n{"ok":2}\n'))).toEqual([
      { line: 2, error: 'line longer than 16 bytes' },
      { line: 3, text: '{"ok":2}' },
    ]);
  });

  it('a line of exactly the limit is fine; one byte more is rejected', () => {
    expect(split([bytes(`${'a'.repeat(8)}\n${'b'.repeat(9)}\n`)], 8)).toEqual([
      { line: 1, text: 'aaaaaaaa' },
      { line: 2, error: 'line longer than 8 bytes' },
    ]);
  });

  it('an overlong last line without newline is still reported', () => {
    expect(split([bytes('x'.repeat(20))], 8)).toEqual([{ line: 1, error: 'line longer than 8 bytes' }]);
  });

  it('the default limit is 1 MiB', () => {
    expect(DEFAULT_MAX_LINE_BYTES).toBe(1024 * 1024);
  });

  it('copies what it keeps: the caller may reuse its buffer', () => {
    const s = new LineSplitter();
    const buf = bytes('{"a":1');
    s.push(buf);
    buf.fill(0x20);
    expect(s.push(bytes('}\n'))).toEqual([{ line: 1, text: '{"a":1}' }]);
  });
});

describe('LineSplitter, whole-chunk decode', () => {
  /** Bytes that matter to splitting: newlines, CR, blanks, a BOM, multi-byte and broken UTF-8, long runs. */
  const piece = fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .constantFrom('\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\ufeff', '{"a":1}', 'é', '€', '😀', 'x'.repeat(9))
        .map((s) => bytes(s)),
    },
    { weight: 1, arbitrary: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80]).map((b) => Uint8Array.from(b)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 6 }) },
  );
  const body = fc.array(piece, { maxLength: 30 }).map((parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.length) - p.length);
    return out;
  });

  it('drops a BOM at the start of any line, as the per-line decode does', () => {
    expect(split([bytes('a\n\ufeffb\n\ufeff\n')])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  it('gives exactly the lines a byte-at-a-time feed gives, whatever the bytes and limit', () => {
    checkProperty(
      fc.property(
        body,
        fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(DEFAULT_MAX_LINE_BYTES)),
        fc.integer({ min: 1, max: 40 }),
        (data, max, cut) => {
          const oneByOne = split(
            cutAt(
              data,
              Array.from({ length: Math.max(0, data.length - 1) }, (_, i) => i + 1),
            ),
            max,
          );
          expect(split([data], max)).toEqual(oneByOne);
          expect(split(cutAt(data, [Math.min(cut, data.length)]), max)).toEqual(oneByOne);
        },
      ),
      { numRuns: 500 },
    );
  });
});
