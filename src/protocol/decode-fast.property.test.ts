import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty } from '../../test/support/check-property';
import { STATUSES } from '../core/status';
import type { Decoded } from './decode';
import { decodeEvent, decodeLine, decodeWithSchema } from './decode';
import { decodeFast } from './decode-fast';
import { ID_MAX_BYTES, NAME_MAX_BYTES, REASON_MAX_BYTES } from './field-limits';
import { EVENT_SCHEMAS, EVENT_TYPES } from './schema';

type Fields = Record<string, unknown>;

const MAX_EPOCH_S = 253_402_300_799;

/** Values either side of every boundary the schema draws, plus anything at all. */
const edgeNumbers = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  5e-324,
  -5e-324,
  1.5,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53 - 1),
  Infinity,
  -Infinity,
  Number.NaN,
  MAX_EPOCH_S,
  MAX_EPOCH_S + 1,
  1.7e12,
);
const weird = fc.oneof(edgeNumbers, fc.constantFrom(null, undefined, '', ' ', '0', true, [], {}, 'toString', '__proto__'), fc.anything());

const epochSeconds = fc.oneof(
  fc.double({ min: 0, max: MAX_EPOCH_S, noNaN: true }),
  fc.integer({ min: 0, max: MAX_EPOCH_S }),
  fc.constantFrom(0, -0, MAX_EPOCH_S, 1_763_856_000.125),
);

/** ISO-8601 the way engines write it, and the same slightly wrong. */
const isoText = fc
  .tuple(
    fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('9999-12-30T23:59:59Z'), noInvalidDate: true }),
    fc.constantFrom('Z', '+00:00', '-05:30', '+0100', '', 'z'),
    fc.constantFrom('T', ' ', 't'),
    fc.constantFrom('ms', 'us', 'none', 'date'),
  )
  .map(([date, offset, sep, frac]) => {
    const iso = date.toISOString();
    if (frac === 'date') return iso.slice(0, 10);
    const body = frac === 'ms' ? iso.slice(0, 23) : frac === 'us' ? `${iso.slice(0, 23)}456` : iso.slice(0, 19);
    return `${body.slice(0, 10)}${sep}${body.slice(11)}${offset}`;
  });
const nearIso = fc.oneof(
  isoText.map((s) => s.replace(/-\d\d(?=T| |$)/, '-31')),
  isoText.map((s) => s.replace(/^\d{4}-\d\d/, '2025-02').replace(/-\d\d(?=T| |$)/, '-29')),
  isoText.map((s) => ` ${s}`),
  fc.string({ maxLength: 30 }),
);

const tsValue = fc.oneof(epochSeconds, isoText);
const seqValue = fc.option(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -0, 2 ** 53 - 1)), { nil: undefined });
/** `max` bytes exactly, or a character either side of it, in 1-, 2-, 3- and 4-byte characters. */
const nearLimit = (max: number, within: boolean) =>
  fc
    .tuple(fc.constantFrom('a', 'é', '€', '😀'), within ? fc.integer({ min: -2, max: 0 }) : fc.integer({ min: 1, max: 2 }))
    .map(([ch, extra]) => {
      const bytes = new TextEncoder().encode(ch).length;
      return ch.repeat(Math.max(1, Math.floor(max / bytes) + extra));
    });
/** Control, zero-width, bidi and separator characters inside otherwise plain text. */
const hiddenText = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(
      '\u202e',
      '\u200b',
      '\u200d',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\ufeff',
      '\u2066',
      '\u2028',
      '\u00ad',
      '\u061c',
      '\n',
    ),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, hidden, b]) => a + hidden + b);
const withinLimit = (max: number, short: fc.Arbitrary<string>) => fc.oneof({ arbitrary: short, weight: 4 }, nearLimit(max, true));
const engineValue = fc.option(withinLimit(NAME_MAX_BYTES, fc.string({ maxLength: 8 })), { nil: undefined });
const text = withinLimit(NAME_MAX_BYTES, fc.string({ maxLength: 12 }));
const nonEmpty = withinLimit(NAME_MAX_BYTES, fc.string({ minLength: 1, maxLength: 12 }));
const idText = withinLimit(ID_MAX_BYTES, fc.string({ minLength: 1, maxLength: 12 }));
const reasonText = withinLimit(REASON_MAX_BYTES, fc.oneof(fc.string({ maxLength: 12 }), hiddenText));
/** Every text field's limit crossed, or a hidden character in it. */
const badText = fc.oneof(nearLimit(NAME_MAX_BYTES, false), nearLimit(ID_MAX_BYTES, false), nearLimit(REASON_MAX_BYTES, false), hiddenText);
const amount = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, -0, 5e-324, 1e308));

const base = { client_order_id: idText, ts: tsValue, seq: seqValue, engine: engineValue };
const validByType = {
  order_created: fc.record({
    type: fc.constant('order_created'),
    ...base,
    symbol: nonEmpty,
    side: fc.constantFrom('buy', 'sell'),
    size_usd: fc.oneof(fc.double({ min: 5e-324, max: 1e308, noNaN: true }), fc.constantFrom(5e-324, 1)),
    route: text,
  }),
  order_transition: fc.record(
    { type: fc.constant('order_transition'), ...base, status: fc.constantFrom(...STATUSES), order_id: idText, reason: reasonText },
    { requiredKeys: ['type', 'client_order_id', 'ts', 'status'] },
  ),
  order_fill: fc.record({ type: fc.constant('order_fill'), ...base, filled_size: amount, filled_value: amount, fees: amount }),
  engine_heartbeat: fc.record({ type: fc.constant('engine_heartbeat'), ts: tsValue, seq: seqValue, engine: nonEmpty }),
};
/** Optional keys absent, as in JSON (`fc.record` writes `seq: undefined` for a nil option). */
const validEvent = fc.oneof(...EVENT_TYPES.map((t) => validByType[t])).map((e: Fields) => {
  const out: Fields = {};
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v;
  return out;
});

const KEYS = [
  'type',
  'client_order_id',
  'ts',
  'seq',
  'engine',
  'symbol',
  'side',
  'size_usd',
  'route',
  'status',
  'order_id',
  'reason',
  'filled_size',
  'filled_value',
  'fees',
];
type Mutation = { key: string; kind: 'delete' | 'undefined' | 'set'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })),
  kind: fc.constantFrom('delete', 'undefined', 'set'),
  value: fc.oneof(weird, tsValue, nearIso, badText, fc.constantFrom(...EVENT_TYPES, ...STATUSES, 'buy', 'sell')),
});

/** A valid event with a few fields removed, blanked or replaced; sometimes without a prototype. */
const nearValidEvent = fc
  .tuple(validEvent, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([event, mutations, bare]) => {
    const out: Fields = bare ? Object.create(null) : {};
    Object.assign(out, event);
    for (const m of mutations) {
      if (m.kind === 'delete') delete out[m.key];
      else out[m.key] = m.kind === 'undefined' ? undefined : m.value;
    }
    return out;
  });

/** Same verdict, same error text, same keys in the same order, same values (-0 and NaN told apart). */
function expectSame(fast: Decoded, schema: Decoded): void {
  expect(fast.ok).toBe(schema.ok);
  if (!fast.ok || !schema.ok) {
    expect(fast).toEqual(schema);
    return;
  }
  const a = fast.event as unknown as Fields;
  const b = schema.event as unknown as Fields;
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const key of Object.keys(b)) expect(Object.is(a[key], b[key]), `${key}: ${String(a[key])} vs ${String(b[key])}`).toBe(true);
}

describe('decode fast path ≡ zod schema', () => {
  it('valid events: the fast path takes them and gives what the schema gives', () => {
    checkProperty(
      fc.property(validEvent, (event) => {
        expect(decodeWithSchema(event).ok).toBe(true);
        expect(decodeFast(event)).toBeDefined();
        expectSame(decodeEvent(event), decodeWithSchema(event));
        const line = JSON.stringify(event);
        expectSame(decodeLine(line), decodeWithSchema(JSON.parse(line)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('near-valid events: both agree on accept or reject, the event and the error', () => {
    checkProperty(
      fc.property(nearValidEvent, (event) => {
        // Not only never looser than the schema: never stricter either, so valid data never pays for zod.
        expect(decodeFast(event) !== undefined).toBe(decodeWithSchema(event).ok);
        expectSame(decodeEvent(event), decodeWithSchema(event));
      }),
      { numRuns: 10_000 },
    );
  });

  it('the canonical event holds exactly what zod produced, optional fields absent there undefined here', () => {
    checkProperty(
      fc.property(fc.oneof(validEvent, nearValidEvent), (event) => {
        const decoded = decodeEvent(event);
        const type = event.type;
        if (!decoded.ok || typeof type !== 'string' || !Object.hasOwn(EVENT_SCHEMAS, type)) return;
        const raw = EVENT_SCHEMAS[type as keyof typeof EVENT_SCHEMAS].safeParse(event);
        expect(raw.success).toBe(true);
        const zodOut = raw.data as Fields;
        const ours = decoded.event as unknown as Fields;
        for (const key of Object.keys(zodOut)) expect(Object.is(ours[key], zodOut[key]), key).toBe(true);
        for (const key of Object.keys(ours)) if (!(key in zodOut)) expect(ours[key]).toBeUndefined();
      }),
      { numRuns: 3_000 },
    );
  });
});
