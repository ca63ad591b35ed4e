import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../test/support/check-property';
import { codePointMarker, hasInvisible, middleEllipsis, splitTail, visibleText } from './visible-text';

const CC_CF = /[\p{Cc}\p{Cf}]/u;
/** Characters an engine could slip into an id to fool a reader. */
const SNEAKY = [
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009F',
  '\u00AD',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u2028',
  '\u2029',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
  '\u3164',
  '\u{E0041}',
];

/** Strings mixing ordinary text (ASCII, accents, Arabic, CJK, emoji) with the sneaky characters. */
const mixed = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(...SNEAKY), fc.string({ unit: 'binary', maxLength: 3 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

describe('visibleText', () => {
  it('writes every invisible or control character as its code point', () => {
    expect(visibleText('rtl-abc\u202Efdp.exe')).toBe('rtl-abc⟨U+202E⟩fdp.exe');
    expect(visibleText('zero\u200Bwidth')).toBe('zero⟨U+200B⟩width');
    expect(visibleText('tab\there\nnew')).toBe('tab⟨U+0009⟩here⟨U+000A⟩new');
    expect(visibleText('\uFEFFbom')).toBe('⟨U+FEFF⟩bom');
    expect(visibleText('tag\u{E0041}')).toBe('tag⟨U+E0041⟩');
    expect(visibleText('lone\uD800')).toBe('lone⟨U+D800⟩');
    expect(visibleText('blank\u3164')).toBe('blank⟨U+3164⟩');
    for (const c of SNEAKY) expect(visibleText(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(codePointMarker(c.codePointAt(0)!));
  });

  it('returns the very same string when there is nothing to show, whatever the script', () => {
    for (const s of ['coid_m0001a_3f2c', 'momentum-1', 'BTC-USD', 'عربي طلب', 'ü ß ñ', '注文', '<img src=x>', '']) {
      expect(visibleText(s)).toBe(s);
      expect(hasInvisible(s)).toBe(false);
    }
  });

  it('property: no Cc/Cf character survives; text without any is unchanged', () => {
    checkProperty(
      fc.property(mixed, (s) => {
        const out = visibleText(s);
        expect(CC_CF.test(out)).toBe(false);
        expect(hasInvisible(out)).toBe(false);
        if (!hasInvisible(s)) expect(out).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('property: two ids that differ only by a zero-width character look different', () => {
    checkProperty(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
        fc.nat(),
        fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'),
        (id, at, zw) => {
          const i = at % (id.length + 1);
          const twin = id.slice(0, i) + zw + id.slice(i);
          expect(visibleText(twin)).not.toBe(visibleText(id));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splitTail', () => {
  it('keeps the last units whole and the head is everything before', () => {
    expect(splitTail('coid_demo_174821', 4)).toEqual({ head: 'coid_demo_17', tail: '4821' });
    expect(splitTail('abc', 4)).toEqual({ head: 'abc', tail: '' });
    expect(splitTail('abc', 0)).toEqual({ head: 'abc', tail: '' });
    expect(splitTail('paper', 4)).toEqual({ head: 'paper', tail: '' });
    expect(splitTail('papers', 3)).toEqual({ head: 'pap', tail: 'ers' });
    // A marker is one unit: never cut in half.
    expect(splitTail('id-\u200Bxyz', 4)).toEqual({ head: 'id-', tail: '⟨U+200B⟩xyz' });
    // An emoji (astral) is one unit; a combining accent stays with its letter.
    expect(splitTail('order-😀ab', 3)).toEqual({ head: 'order-', tail: '😀ab' });
    expect(splitTail('cafe\u0301-12', 4)).toEqual({ head: 'caf', tail: 'e\u0301-12' });
  });

  it('property: head + tail is the visible text', () => {
    checkProperty(
      fc.property(mixed, fc.nat(12), (s, n) => {
        const { head, tail } = splitTail(s, n);
        expect(head + tail).toBe(visibleText(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('middleEllipsis', () => {
  it('keeps the start and the distinguishing end', () => {
    expect(middleEllipsis('coid_demo_174821', 10, 4)).toBe('coid_…4821');
    expect(middleEllipsis('short', 10, 4)).toBe('short');
    expect(middleEllipsis('a\u202Eb', 10, 4)).toBe('a⟨U+202E⟩b');
    expect(middleEllipsis(`x\u200B${'y'.repeat(20)}end`, 8, 3)).toBe('x⟨U+200B⟩yy…end');
  });

  it('property: never longer than the budget (in units), and the end survives', () => {
    checkProperty(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), fc.integer({ min: 4, max: 30 }), (s, max) => {
        const out = middleEllipsis(s, max, 3);
        expect(out.length).toBeLessThanOrEqual(max);
        // A budget too small for the whole tail keeps what fits beside one head unit and "…".
        if (s.length > max) expect(out.endsWith(s.slice(-Math.min(3, max - 2)))).toBe(true);
        else expect(out).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});
