import { afterEach, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../src/server/relay';
import { startRelay } from '../src/server/relay';
import { created } from './support/event-builders';
import type { IngestReply } from './support/relay-post';
import { ndjson, postEvents } from './support/relay-post';
import { SseClient } from './support/sse-client';

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

async function postJsonArray(url: string, body: string): Promise<{ status: number; reply: IngestReply }> {
  const response = await fetch(`${url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, reply: (await response.json()) as IngestReply };
}

describe('one poison line never fails the request (issue 13, finding 4)', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('a 40 KB line nested 20,000 deep is rejected with a reason; the lines around it apply, a new client gets them', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const poison = [
      `{"type":${nested(20_000)},"client_order_id":"p","ts":1}`,
      `{"type":"order_fill","client_order_id":"p","ts":1,"filled_size":${nested(20_000)},"filled_value":1,"fees":0}`,
      nested(20_000),
    ];
    const body = [ndjson([created('before')]).trimEnd(), ...poison, ndjson([created('after')]).trimEnd()].join('\n');
    const { status, reply } = await postEvents(relay.url, `${body}\n`);
    expect(status).toBe(200);
    expect(reply.accepted).toBe(2);
    expect(reply.rejected).toEqual([
      { line: 2, error: expect.stringMatching(/^type: unknown event type \(array\)/) },
      { line: 3, error: expect.stringMatching(/^filled_size: /) },
      { line: 4, error: 'not a JSON object (got array)' },
    ]);

    // The same poison inside a JSON array body: the batch is not lost.
    const [first, second] = ndjson([created('in-array-1'), created('in-array-2')])
      .trimEnd()
      .split('\n');
    const array = `[${first},${poison[0]!.replace('"p"', '"q"')},${second}]`;
    const fromArray = await postJsonArray(relay.url, array);
    expect(fromArray.status).toBe(200);
    expect(fromArray.reply.accepted).toBe(2);
    expect(fromArray.reply.rejected).toEqual([{ line: 2, error: 'item could not be read (Maximum call stack size exceeded)' }]);

    const client = await SseClient.open(`${relay.url}/api/stream`);
    try {
      expect((await client.first<{ order_count: number }>('snapshot')).order_count).toBe(4);
    } finally {
      client.close();
    }
  });

  it('an exception inside the relay while applying a line rejects only that line as an internal error, logged and counted', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    // A relay bug, simulated: applying this one order throws.
    const orders = relay.state.book.orders;
    const get = orders.get.bind(orders);
    orders.get = (id: string) => {
      if (id === 'bug') throw new TypeError('simulated relay bug');
      return get(id);
    };
    const { status, reply } = await postEvents(relay.url, ndjson([created('a'), created('bug'), created('b')]));
    expect(status).toBe(200);
    expect(reply).toMatchObject({
      accepted: 2,
      rejected: [{ line: 2, error: expect.stringContaining('internal error') }],
    });
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderwatch_ingest_internal_errors_total 1$/m);
    expect(metrics).toMatch(/^orderwatch_events_rejected_total 1$/m);
  });
});

describe('field limits keep one POST from blinding every dashboard (issue 13, finding 1)', () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('five fills with a 900,000-character engine are rejected naming the field; a new client gets its snapshot', async () => {
    relay = await startRelay({ port: 0, logLevel: 'silent' });
    const wide = 'e'.repeat(900_000);
    const hostile = Array.from({ length: 5 }, (_, i) =>
      JSON.stringify({
        type: 'order_fill',
        client_order_id: `w${i}`,
        ts: 1_764_000_000,
        engine: wide,
        filled_size: 1,
        filled_value: 1,
        fees: 0,
      }),
    );
    const body = [ndjson([created('good-1')]).trimEnd(), ...hostile, ndjson([created('good-2')]).trimEnd()].join('\n');
    const { status, reply } = await postEvents(relay.url, `${body}\n`);
    expect(status).toBe(200);
    expect(reply.accepted).toBe(2);
    expect(reply.rejected).toEqual([2, 3, 4, 5, 6].map((line) => ({ line, error: 'engine: too long: 900000 bytes, the limit is 64' })));
    expect(relay.state.book.anomalyTotal).toBe(0);

    for (let i = 0; i < 3; i++) {
      const client = await SseClient.open(`${relay.url}/api/stream`);
      try {
        expect((await client.first<{ order_count: number }>('snapshot')).order_count).toBe(2);
      } finally {
        client.close();
      }
    }
  });
});

describe("a timestamp ahead of the relay's clock (issue 13, finding 8)", () => {
  let relay: RunningRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });

  it('is applied at receipt and flagged future_timestamp; the order ages and turns stale from then', async () => {
    let clock = Date.UTC(2026, 11, 3, 9);
    relay = await startRelay({ port: 0, logLevel: 'silent', now: () => clock, staleAfterSec: 300 });
    const year9999 = {
      type: 'order_created',
      client_order_id: 'far',
      ts: '9999-12-31T00:00:00Z',
      symbol: 'X',
      side: 'buy',
      size_usd: 1,
      route: 'r',
    };
    const sixtySecondsAhead = { ...year9999, client_order_id: 'near', ts: (clock + 60_000) / 1000 };
    const forged = { ...year9999, client_order_id: 'forged', ts: clock / 1000, engine_ts: 253_402_214_400 };
    const body = [year9999, sixtySecondsAhead, forged].map((e) => JSON.stringify(e)).join('\n');
    const client = await SseClient.open(`${relay.url}/api/stream`);
    await client.first('snapshot');
    const { status, reply } = await postEvents(relay.url, `${body}\n`);
    expect(status).toBe(200);
    expect(reply).toMatchObject({ accepted: 3, anomalies: 1 });
    // Dashboards get the stamped event, so they flag it too and age the order from the relay's receipt.
    try {
      await client.reach(3);
      expect(client.items[0]!.event).toMatchObject({ client_order_id: 'far', ts: clock / 1000, engine_ts: 253_402_214_400 });
      expect(client.items[2]!.event).not.toHaveProperty('engine_ts');
    } finally {
      client.close();
    }

    const book = relay.state.book;
    expect(book.orders.get('far')).toMatchObject({ created_at: clock, last_update_at: clock });
    // At the limit is not past it; an engine cannot mark its own event.
    expect(book.orders.get('near')!.created_at).toBe(clock + 60_000);
    expect(book.orders.get('forged')!.created_at).toBe(clock);
    expect(book.anomalies.toArray()).toEqual([
      {
        kind: 'future_timestamp',
        client_order_id: 'far',
        engine: '',
        seq: null,
        ts: clock,
        detail: expect.stringMatching(/^ts 2\d{11} s ahead of the relay's clock; applied at the time the relay received it$/) as unknown,
      },
    ]);

    clock += 301_000;
    const orders = (await (await fetch(`${relay.url}/api/orders`)).json()) as { stale: string[] };
    expect(orders.stale).toContain('far');
  });
});
