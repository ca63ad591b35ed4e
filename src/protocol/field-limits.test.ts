import { describe, expect, it } from 'vitest';
import { decodeEvent } from './decode';
import { ID_MAX_BYTES, identifierProblem, NAME_MAX_BYTES, REASON_MAX_BYTES, textProblem, utf8BytesUpTo, utf8Length } from './field-limits';

const fill = { type: 'order_fill', client_order_id: 'c1', ts: 1_764_000_000, filled_size: 1, filled_value: 10, fees: 0 };
const created = {
  type: 'order_created',
  client_order_id: 'c1',
  ts: 1_764_000_000,
  symbol: 'BTC-USD',
  side: 'buy',
  size_usd: 10,
  route: 'r',
};
const transition = { type: 'order_transition', client_order_id: 'c1', ts: 1_764_000_000, status: 'OPEN' };

function errorOf(value: object): string {
  const decoded = decodeEvent(value);
  if (decoded.ok) throw new Error('decoded, expected a rejection');
  return decoded.error;
}

describe('utf8BytesUpTo', () => {
  it('counts UTF-8 bytes: 1, 2, 3 and 4 per character', () => {
    expect(utf8BytesUpTo('aé€😀', 100)).toBe(1 + 2 + 3 + 4);
  });
  it('stops counting once past the limit', () => {
    expect(utf8BytesUpTo('x'.repeat(1_000_000), 64)).toBe(65);
  });
});

describe('field limits on the wire', () => {
  it.each([
    ['client_order_id', fill, ID_MAX_BYTES],
    ['engine', fill, NAME_MAX_BYTES],
    ['symbol', created, NAME_MAX_BYTES],
    ['route', created, NAME_MAX_BYTES],
    ['order_id', transition, ID_MAX_BYTES],
    ['reason', transition, REASON_MAX_BYTES],
  ] as const)('%s: exactly the limit passes, one byte more is rejected naming the field and the limit', (field, event, limit) => {
    expect(decodeEvent({ ...event, [field]: 'a'.repeat(limit) }).ok).toBe(true);
    expect(errorOf({ ...event, [field]: 'a'.repeat(limit + 1) })).toBe(`${field}: too long: ${limit + 1} bytes, the limit is ${limit}`);
  });

  it('counts bytes, not characters: 43 euro signs are 129 bytes', () => {
    expect(decodeEvent({ ...fill, client_order_id: '€'.repeat(42) }).ok).toBe(true);
    expect(errorOf({ ...fill, client_order_id: '€'.repeat(43) })).toMatch(/^client_order_id: too long: 129 bytes/);
  });

  it('the 900,000-character engine of the report is one short rejection', () => {
    const error = errorOf({ ...fill, engine: 'e'.repeat(900_000) });
    expect(error).toBe('engine: too long: 900000 bytes, the limit is 64');
  });

  it.each([
    ['a bidi override', 'rtl-abc\u202Efdp.exe', 'U+202E at 7'],
    ['a zero-width space', 'coid\u200B1', 'U+200B at 4'],
    ['a NUL', 'a\u0000b', 'U+0000 at 1'],
    ['a newline', 'a\nb', 'U+000A at 1'],
    ['a C1 control', 'a\u0085', 'U+0085 at 1'],
    ['a byte-order mark', '\uFEFFabc', 'U+FEFF at 0'],
    ['a bidi isolate', 'x\u2066y', 'U+2066 at 1'],
    ['a line separator', 'x\u2028', 'U+2028 at 1'],
  ])('an identifier with %s is rejected, naming the character and where', (_, text, where) => {
    for (const field of ['client_order_id', 'engine'] as const) {
      expect(errorOf({ ...fill, [field]: text })).toBe(
        `${field}: contains ${where}: identifiers may not hold control, zero-width or bidi characters`,
      );
    }
  });

  it('identifiers may be any visible Unicode; a reason may hold line breaks and any character', () => {
    expect(decodeEvent({ ...created, symbol: 'ЕВРО/円', engine: 'moteur-é' }).ok).toBe(true);
    expect(decodeEvent({ ...transition, status: 'REJECTED', reason: 'venue said:\n\u202Einsufficient\u200B margin' }).ok).toBe(true);
  });

  it('textProblem and identifierProblem find nothing in short plain text', () => {
    expect(textProblem('ok', 4)).toBeUndefined();
    expect(identifierProblem('coid_demo_1', ID_MAX_BYTES)).toBeUndefined();
  });
});

describe('utf8Length', () => {
  it('is Buffer.byteLength: ASCII, two- and three-byte characters, surrogate pairs', () => {
    for (const text of ['', 'abc', 'é', '€uro', '𝄞 clef', 'mixed ü € 𝄞 end']) expect(utf8Length(text), text).toBe(Buffer.byteLength(text));
  });
});
