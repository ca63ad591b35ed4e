import fc from 'fast-check';
import { concatBytes } from '../../src/lib/concat-bytes';

/** One NDJSON line as bytes, with the reason it is here. Never contains a newline byte. */
export interface FuzzLine {
  readonly kind: BadKind | 'good' | 'good_proto_keys';
  readonly bytes: Uint8Array;
}

export type BadKind =
  | 'wrong_type'
  | 'huge_number'
  | 'deep_nesting'
  | 'invalid_utf8'
  | 'huge_line'
  | 'nul_byte'
  | 'proto_key'
  | 'not_an_event'
  | 'oversized_field'
  | 'hidden_char';

const utf8 = new TextEncoder();
const TEN_MB = 10 * 1024 * 1024;

/** A valid order_created body the bad lines are cut from: every field present. */
const BASE = {
  type: 'order_created',
  client_order_id: 'fuzz-x',
  ts: 1_763_856_000,
  seq: 1,
  engine: 'fuzz',
  symbol: 'BTC-USD',
  side: 'buy',
  size_usd: 100,
  route: 'live',
};

/** Per field, values the schema must refuse (a string field given a number, a number given a string, …). */
const WRONG_VALUES: Record<keyof typeof BASE, readonly unknown[]> = {
  type: [1, null, 'order_deleted', 'ORDER_CREATED', '', ['order_created'], { v: 'order_created' }],
  client_order_id: ['', 7, null, true, ['a'], { id: 'a' }],
  ts: [null, true, 'yesterday', '2025-02-30T00:00:00Z', [], {}, -5],
  seq: ['1', 1.5, true, [1], { n: 1 }],
  engine: [null, 3, false, ['e'], {}],
  symbol: ['', 0, null, ['BTC'], {}],
  side: ['BUY', 'long', 0, null, true],
  size_usd: [0, -1, '100', null, [100], {}],
  route: [0, null, true, ['live'], {}],
};

const wrongType = fc
  .constantFrom(...(Object.keys(WRONG_VALUES) as (keyof typeof BASE)[]))
  .chain((field) => fc.constantFrom(...WRONG_VALUES[field]).map((value) => JSON.stringify({ ...BASE, [field]: value })));

/** Numbers JSON can spell but not hold: they parse to ±Infinity or past the safe-integer range. */
const hugeNumber = fc
  .record({
    field: fc.constantFrom('size_usd', 'ts', 'seq'),
    literal: fc.constantFrom('1e400', '-1e400', '1e308000', '123456789012345678901234567890', '9007199254740993', '1e20'),
  })
  .map(({ field, literal }) => JSON.stringify({ ...BASE, [field]: 0 }).replace(`"${field}":0`, `"${field}":${literal}`))
  // 1e20 is a finite size_usd; keep only spellings the schema must refuse for that field.
  .filter((line) => !/"size_usd":(1e20|123456789012345678901234567890|9007199254740993)/.test(line));

/** Arrays or objects nested thousands deep, as the whole line or as a field. */
const deepNesting = fc
  .record({
    depth: fc.oneof({ arbitrary: fc.integer({ min: 100, max: 5_000 }), weight: 20 }, fc.constant(100_000)),
    where: fc.constantFrom('line', 'field', 'object'),
  })
  .map(({ depth, where }) => {
    if (where === 'line') return '['.repeat(depth) + ']'.repeat(depth);
    if (where === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return JSON.stringify(BASE).replace('"client_order_id":"fuzz-x"', `"client_order_id":${'['.repeat(depth)}${']'.repeat(depth)}`);
  });

/** Bytes that are not UTF-8 (lone continuation, overlong, surrogate, truncated sequence, 0xFF) inside a string. */
const invalidUtf8 = fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xc3, 0x28]).map((bad) => {
  const [head, tail] = JSON.stringify(BASE).split('fuzz-x') as [string, string];
  return concatBytes([utf8.encode(`${head}fuzz`), Uint8Array.from(bad), utf8.encode(`x${tail}`)]);
});

/** A raw NUL is a control character: JSON forbids it inside strings and between tokens. */
const nulByte = fc.constantFrom('inside', 'between', 'alone').map((where) => {
  const json = JSON.stringify(BASE);
  if (where === 'alone') return '\0';
  if (where === 'between') return json.replace(',"seq"', ',\0"seq"');
  return json.replace('fuzz-x', 'fuzz\0x');
});

/** The event hidden under __proto__ / constructor.prototype: JSON.parse makes them own keys, so the line has no type. */
const protoKey = fc.constantFrom(
  `{"__proto__":${JSON.stringify(BASE)}}`,
  `{"constructor":{"prototype":${JSON.stringify(BASE)}}}`,
  `{"__proto__":{"polluted":"yes"},"type":"order_created"}`,
  `{"prototype":{"type":"order_fill"},"__proto__":null}`,
);

const notAnEvent = fc.oneof(
  fc.constantFrom(
    'null',
    'true',
    '42',
    '"order_created"',
    '[]',
    '{}',
    '{"type":"order_created"',
    'NaN',
    '{type:"order_created"}',
    "{'a':1}",
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `#${s.replace(/[\r\n]/g, ' ')}`),
);

/** A transition with every optional text field, for the limits on order_id and reason. */
const TRANSITION = { type: 'order_transition', client_order_id: 'fuzz-x', ts: 1_763_856_000, status: 'OPEN', order_id: 'x1', reason: 'r' };
/** The wire's byte limits (docs/protocol.md), per field of BASE or TRANSITION. */
const BYTE_LIMITS = { client_order_id: 128, engine: 64, symbol: 64, route: 64, order_id: 128, reason: 1024 } as const;
type LimitedField = keyof typeof BYTE_LIMITS;
const eventWith = (field: LimitedField, value: string): string =>
  JSON.stringify(field === 'order_id' || field === 'reason' ? { ...TRANSITION, [field]: value } : { ...BASE, [field]: value });

/** A text field 1 to 200,000 bytes past its limit, in 1-, 2-, 3- or 4-byte characters. */
const oversizedField = fc
  .record({
    field: fc.constantFrom(...(Object.keys(BYTE_LIMITS) as LimitedField[])),
    ch: fc.constantFrom('a', '\u00e9', '\u20ac', '\u{1F600}'),
    over: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 4 }, fc.integer({ min: 9, max: 200_000 })),
  })
  .map(({ field, ch, over }) => eventWith(field, ch.repeat(Math.ceil((BYTE_LIMITS[field] + over) / utf8.encode(ch).length))));

/** An identifier holding a control, zero-width, bidi or separator character, raw or JSON-escaped. */
const hiddenChar = fc
  .record({
    field: fc.constantFrom('client_order_id', 'engine', 'symbol', 'route', 'order_id'),
    hidden: fc.constantFrom(
      '\u202e',
      '\u200b',
      '\u200d',
      '\u2066',
      '\u061c',
      '\ufeff',
      '\u00ad',
      '\u0001',
      '\u007f',
      '\u0085',
      '\u2028',
      '\t',
    ),
    at: fc.constantFrom('start', 'middle', 'end'),
  })
  .map(({ field, hidden, at }) => eventWith(field, at === 'start' ? `${hidden}id` : at === 'end' ? `id${hidden}` : `i${hidden}d`));

/** A line of 10 MiB: past the relay's 1 MiB line limit, rejected without being buffered whole. */
const hugeLine = fc
  .constantFrom('x', '\u00e9')
  .map((ch) => `{"type":"order_created","client_order_id":"${ch.repeat(TEN_MB / utf8.encode(ch).length)}"}`);

const asBytes = (kind: BadKind, arb: fc.Arbitrary<string | Uint8Array>): fc.Arbitrary<FuzzLine> =>
  arb.map((line) => ({ kind, bytes: typeof line === 'string' ? utf8.encode(line) : line }));

/** Every bad kind but the 10 MiB one, which the caller places a few times by hand. */
export const badLine: fc.Arbitrary<FuzzLine> = fc.oneof(
  asBytes('wrong_type', wrongType),
  asBytes('huge_number', hugeNumber),
  { arbitrary: asBytes('deep_nesting', deepNesting), weight: 1 },
  asBytes('invalid_utf8', invalidUtf8),
  asBytes('nul_byte', nulByte),
  asBytes('proto_key', protoKey),
  asBytes('not_an_event', notAnEvent),
  asBytes('oversized_field', oversizedField),
  asBytes('hidden_char', hiddenChar),
);

export const hugeBadLine: fc.Arbitrary<FuzzLine> = asBytes('huge_line', hugeLine);
