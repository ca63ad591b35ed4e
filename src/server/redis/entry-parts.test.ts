import fc from 'fast-check';
import { BATCH_FIELD, batchFields, joinInParts, PARTS_FIELD } from './entry-parts';

// Canonical payloads never hold a raw newline.
const payload = fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replaceAll('\n', ' '));

describe('joinInParts', () => {
  it('keeps every payload whole and in order, each part within the limit unless one payload is longer', () => {
    fc.assert(
      fc.property(fc.array(payload, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (payloads, limit) => {
        const parts = joinInParts(payloads, limit);
        expect(parts.join('\n')).toBe(payloads.join('\n'));
        expect(parts.flatMap((part) => part.split('\n'))).toEqual(payloads);
        for (const part of parts) expect(part.length <= limit || !part.includes('\n')).toBe(true);
        // Greedy: a part ends only where its next payload would not have fitted.
        for (let p = 0; p + 1 < parts.length; p++)
          expect(parts[p]!.length + 1 + parts[p + 1]!.split('\n')[0]!.length).toBeGreaterThan(limit);
      }),
    );
  });

  it('keeps a 2,000-event batch out of V8 large strings (128 KiB), even two bytes per character', () => {
    for (const text of ['ascii', '日本語']) {
      const parts = joinInParts(
        Array.from({ length: 2_000 }, (_, k) => `{"type":"order_created","client_order_id":"o${k}","symbol":"${text}"}`.padEnd(170, ' ')),
      );
      expect(parts.length).toBeGreaterThan(1);
      // A part, with the entry header before the first, as V8 would store it.
      const bytes = (part: string): number => ([...part].some((ch) => ch.charCodeAt(0) > 0xff) ? 2 : 1) * (part.length + 40);
      expect(Math.max(...parts.map(bytes))).toBeLessThan(128 * 1024 - 64);
    }
  });
});

describe('batchFields', () => {
  it('writes one evs field for one part and evp fields for several, the header before the first', () => {
    expect(batchFields(7, 123, ['a\nb'])).toEqual([BATCH_FIELD, '7 123\na\nb']);
    expect(batchFields(7, 123, ['a', 'b\nc'])).toEqual([PARTS_FIELD, '7 123\na', PARTS_FIELD, 'b\nc']);
  });
});
