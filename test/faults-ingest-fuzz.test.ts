import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBook } from '../src/core/book';
import { createEventMix } from './support/event-mix';
import type { OrderEvent } from '../src/core/events';
import { emptyTally, ingestLine } from '../src/protocol/ingest';
import { reportChunks } from '../src/protocol/report';
import { toNdjsonLine } from '../src/protocol/encode';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import type { FuzzLine } from './support/faults-bad-lines';
import { badLine, hugeBadLine } from './support/faults-bad-lines';
import { concatBytes } from '../src/lib/concat-bytes';
import type { IngestReply } from './support/relay-post';

const TOTAL_LINES = 10_000;
const BAD_LINES = 3_000;
const HUGE_LINES = 3;
const LINES_PER_BODY = 500;
/** The relay's clock is pinned so its report and the replay's agree on `stale` too. */
const NOW = Date.UTC(2026, 10, 24, 1);
const SEED = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.FC_SEED);
const utf8 = new TextEncoder();

/** Good lines from the seeded event mix; a few carry prototype-pollution keys as ignored extras. */
function goodLines(count: number): FuzzLine[] {
  const events: OrderEvent[] = [];
  for (const event of createEventMix({ seed: SEED, orders: Number.POSITIVE_INFINITY, maxActive: 300 })) {
    if (events.length === count) break;
    events.push(event);
  }
  return events.map((event, i) => {
    const text = toNdjsonLine(event).trimEnd();
    if (i % 97 !== 0) return { kind: 'good', bytes: utf8.encode(text) };
    const hostile = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}`;
    return { kind: 'good_proto_keys', bytes: utf8.encode(hostile) };
  });
}

/** 10,000 lines: good ones in order, bad ones at random places, three 10 MiB ones among them. */
function corpus(): FuzzLine[] {
  const bad = [
    ...fc.sample(badLine, { seed: SEED, numRuns: BAD_LINES - HUGE_LINES }),
    ...fc.sample(hugeBadLine, { seed: SEED, numRuns: HUGE_LINES }),
  ];
  const places = fc.sample(fc.integer({ min: 0, max: TOTAL_LINES - 1 }), { seed: SEED + 1, numRuns: BAD_LINES * 4 });
  const slots = new Map<number, FuzzLine>();
  for (const place of places) if (slots.size < bad.length && !slots.has(place)) slots.set(place, bad[slots.size]!);
  const good = goodLines(TOTAL_LINES - slots.size);
  let g = 0;
  return Array.from({ length: TOTAL_LINES }, (_, i) => slots.get(i) ?? good[g++]!);
}

async function post(url: string, lines: readonly FuzzLine[]): Promise<{ status: number; reply: IngestReply }> {
  const newline = Uint8Array.of(0x0a);
  const body = concatBytes(lines.flatMap((l) => [l.bytes, newline]));
  const response = await fetch(`${url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
  return { status: response.status, reply: (await response.json()) as IngestReply };
}

const isGood = (line: FuzzLine): boolean => line.kind === 'good' || line.kind === 'good_proto_keys';

describe(`fuzzed ingest against a real relay (seed ${SEED}; rerun with FC_SEED=${SEED})`, () => {
  let relay: RunningRelay;
  const lines = corpus();
  console.info(`faults-ingest-fuzz: seed ${SEED}, ${lines.filter((l) => !isGood(l)).length} bad lines among ${lines.length}`);

  beforeAll(async () => {
    // Bodies big enough for a 10 MiB line, so the line limit (not the body limit) is what refuses it.
    relay = await startRelay({
      port: 0,
      logLevel: 'silent',
      now: () => NOW,
      maxBodyBytes: 32 * 1024 * 1024,
      keepTerminal: 1_000_000,
      distDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await relay?.close();
  });

  it('rejects every bad line with its line number and a reason, stays up, and keeps exactly the good lines', async () => {
    let rejectedTotal = 0;
    for (let from = 0; from < lines.length; from += LINES_PER_BODY) {
      const body = lines.slice(from, from + LINES_PER_BODY);
      const { status, reply } = await post(relay.url, body);
      const context = `seed ${SEED}, body from line ${from + 1}`;
      const expectedBad = body.flatMap((l, i) => (isGood(l) ? [] : [{ line: i + 1, kind: l.kind }]));
      expect(status, context).toBe(200);
      expect(
        reply.rejected.map((r) => r.line),
        context,
      ).toEqual(expectedBad.map((b) => b.line));
      for (const [i, rejection] of reply.rejected.entries()) {
        expect(rejection.error.length, `${context}: ${expectedBad[i]!.kind} line ${rejection.line}`).toBeGreaterThan(0);
        if (expectedBad[i]!.kind === 'huge_line') expect(rejection.error).toMatch(/longer than/);
        if (expectedBad[i]!.kind === 'invalid_utf8') expect(rejection.error).toMatch(/UTF-8/i);
        if (expectedBad[i]!.kind === 'oversized_field') expect(rejection.error).toMatch(/^\w+: too long: \d+ bytes, the limit is \d+$/);
        if (expectedBad[i]!.kind === 'hidden_char')
          expect(rejection.error).toMatch(/^\w+: contains U\+[0-9A-F]{4} at \d+: identifiers may not/);
      }
      expect(reply.accepted + reply.duplicates, context).toBe(body.length - expectedBad.length);
      rejectedTotal += reply.rejected.length;
      const health = await fetch(`${relay.url}/api/healthz`);
      expect(health.status, context).toBe(200);
      expect(((await health.json()) as { status: string }).status).toBe('ok');
    }
    expect(rejectedTotal).toBe(lines.filter((l) => !isGood(l)).length);

    // The oracle: the core alone, fed only the good lines, in order.
    const replay = createBook({ anomalyLimit: relay.config.anomalyLimit });
    const tally = emptyTally();
    const decoder = new TextDecoder();
    let n = 0;
    for (const line of lines) if (isGood(line)) ingestLine(replay, { line: ++n, text: decoder.decode(line.bytes) }, tally);
    expect(tally.rejected).toEqual([]);
    const expected = JSON.parse(
      [
        ...reportChunks(replay, {
          now: NOW,
          staleAfter: relay.config.staleAfterSec,
          rejectedLines: rejectedTotal,
          extra: { rseq: tally.accepted },
        }),
      ].join(''),
    ) as unknown;
    const served = (await (await fetch(`${relay.url}/api/orders`)).json()) as unknown;
    expect(served).toEqual(expected);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
