import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent } from '../src/core/apply';
import { createBook } from '../src/core/book';
import { cleanupAfterEvent } from '../src/core/cleanup';
import { generateEvents, toNdjson as toNdjsonEvents } from './support/event-mix';
import { staleOrders } from '../src/core/queries';
import { anomalyToJson, orderToJson } from '../src/protocol/order-json';
import { summarize } from '../src/core/summary';
import type { WireLine } from './support/random-wire-stream';
import { randomWireStream, toNdjson } from './support/random-wire-stream';
import { bundleReplayCli } from './support/replay-bundle';
import type { ReplayOptions } from './support/run-replay';
import { runReplay } from './support/run-replay';

/** REPLAY_SEED=n replays a failure; every assertion names the seed in use. */
const SEED = process.env.REPLAY_SEED ? Number(process.env.REPLAY_SEED) : Math.floor(Math.random() * 1e9);
const AT = `seed ${SEED} (rerun: REPLAY_SEED=${SEED})`;
const NOW = '2025-11-23T01:00:00Z';

const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
/** The CLI source bundled once; the first test runs it through tsx exactly as `npm run replay` does. */
let bundled: ReplayOptions['cli'];
beforeAll(async () => {
  bundled = { bundle: await bundleReplayCli(dir) };
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeStream(name: string, lines: readonly WireLine[], options?: Parameters<typeof toNdjson>[1]): string {
  const file = join(dir, name);
  writeFileSync(file, toNdjson(lines, options));
  return file;
}

/** What the CLI must print, computed by applying the same events in this process. */
function expectedReport(lines: readonly WireLine[], now: number, staleAfter: number) {
  const book = createBook({ anomalyLimit: Number.POSITIVE_INFINITY });
  for (const l of lines) if (l.kind === 'event') applyEvent(book, l.event);
  return {
    summary: summarize(book),
    orders: [...book.orders.values()].map(orderToJson),
    stale: staleOrders(book, now, staleAfter).map((o) => o.client_order_id),
    anomalies: book.anomalies.toArray().map(anomalyToJson),
    rejected_lines: lines.filter((l) => l.kind === 'reject').length,
    duplicates: book.duplicates,
  };
}

function expectRejectionsOnStderr(stderr: string, lines: readonly WireLine[]): void {
  const reported = stderr.split('\n').filter((l) => l !== '');
  const expected = lines.flatMap((l, i) => (l.kind === 'reject' ? [{ n: i + 1, field: l.field }] : []));
  expect(reported.length, AT).toBe(expected.length);
  expected.forEach(({ n, field }, k) => expect(reported[k], AT).toMatch(new RegExp(`^line ${n}: ${field}`)));
}

describe('replay CLI on generated streams', () => {
  const lines = randomWireStream(SEED, 3000);
  const file = writeStream('stream.ndjson', lines);

  it('prints exactly the state the core reaches in process; rejections on stderr; exit 0', async () => {
    const counts = { event: 0, reject: 0, blank: 0 };
    for (const l of lines) counts[l.kind]++;
    expect(counts.reject, AT).toBeGreaterThan(10);
    const run = await runReplay([file, '--now', NOW, '--stale-after', '600'], { cli: 'tsx' });
    expect(run.code, run.stderr).toBe(0);
    const expected = expectedReport(lines, Date.parse(NOW), 600);
    expect(expected.duplicates, AT).toBeGreaterThan(0);
    expect(expected.anomalies.length, AT).toBeGreaterThan(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stdout.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(run.stdout), AT).toEqual(expected);
    expectRejectionsOnStderr(run.stderr, lines);
  });

  it('reads stdin with -, CRLF line ends and no final newline, to the same result', async () => {
    const run = await runReplay(['-', '--now', NOW], { cli: bundled, stdin: toNdjson(lines, { crlf: true, finalNewline: false }) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout), AT).toEqual(expectedReport(lines, Date.parse(NOW), 300));
    expectRejectionsOnStderr(run.stderr, lines);
  });

  it('--now and --stale-after decide what is stale', async () => {
    const small = randomWireStream(SEED + 1, 300);
    const smallFile = writeStream('small.ndjson', small);
    const early = '2025-11-23T00:05:00Z';
    const late = '2025-11-24T00:00:00Z';
    const runs = await Promise.all([
      runReplay([smallFile, '--now', early, '--stale-after', '60'], { cli: bundled }),
      runReplay([smallFile, '--now', late, '--stale-after', '0'], { cli: bundled }),
      runReplay([smallFile, `--now=${late}`, '--stale-after=1e9'], { cli: bundled }),
    ]);
    const stale = runs.map((r) => (JSON.parse(r.stdout) as { stale: string[] }).stale);
    expect(stale[0], AT).toEqual(expectedReport(small, Date.parse(early), 60).stale);
    expect(stale[1], AT).toEqual(expectedReport(small, Date.parse(late), 0).stale);
    expect(stale[1]!.length, AT).toBeGreaterThan(stale[0]!.length);
    expect(stale[2]).toEqual([]);
  });

  it('--keep-terminal N cleans up as the relay does, after each event: the same orders as a book doing so in process', async () => {
    const events = generateEvents({ seed: SEED, orders: 1_500, maxActive: 100 });
    const keep = 50;
    const book = createBook({ anomalyLimit: Number.POSITIVE_INFINITY });
    let cleanups = 0;
    for (const event of events) {
      applyEvent(book, event);
      if (cleanupAfterEvent(book, keep).length > 0) cleanups++;
    }
    expect(cleanups, AT).toBeGreaterThan(0);
    const run = await runReplay(['-', '--now', NOW, '--keep-terminal', String(keep)], { cli: bundled, stdin: toNdjsonEvents(events) });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { orders: unknown[]; summary: unknown };
    expect(report.orders, AT).toEqual([...book.orders.values()].map(orderToJson));
    expect(report.summary, AT).toEqual(summarize(book));
  });

  it('with no --now it uses the wall clock and 300 s: long-finished streams leave every active order stale', async () => {
    const small = randomWireStream(SEED + 2, 200);
    const run = await runReplay([writeStream('clock.ndjson', small)], { cli: bundled });
    const report = JSON.parse(run.stdout) as { stale: string[]; summary: { active_orders: number } };
    expect(report.stale.length, AT).toBe(report.summary.active_orders);
  });
});

describe('replay CLI help', () => {
  it.each([['--help'], ['-h']])('%s prints the usage on stdout and exits 0, reading no input', async (flag) => {
    const run = await runReplay([flag], { cli: bundled });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run --silent replay -- FILE\|- /);
    for (const f of ['--now', '--stale-after', '--keep-terminal']) expect(run.stdout).toContain(f);
    expect(run.stderr).toBe('');
  });
});

describe('replay CLI refuses what it cannot do, with exit 2', () => {
  it.each([
    [['/no/such/dir/events.ndjson'], /^replay: cannot read \/no\/such\/dir\/events\.ndjson: ENOENT/],
    [['-', '--now', 'garbage'], /^replay: --now: not an ISO-8601 time: garbage\n$/],
    [['-', '--stale-after=-1'], /^replay: --stale-after: want a number of seconds ≥ 0, got -1\n$/],
    [['-', '--colour'], /^replay: unknown argument --colour \(see --help\)\n$/],
    [[], /^replay: missing input FILE \(use - for stdin\)\n$/],
  ])('%j', async (args, message) => {
    const run = await runReplay(args, { cli: bundled, stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('a directory is unreadable too', async () => {
    const run = await runReplay([dir], { cli: bundled });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^replay: cannot read .*EISDIR/);
  });
});

describe('replay CLI memory', () => {
  const ORDERS = 100;
  const FILLS_PER_ORDER = 2250;
  const AT_ONCE = 50;
  /**
   * A V8 heap far smaller than the input: a CLI that held the input (or anything per line) would
   * die of heap exhaustion. It also keeps V8's own lazy heap growth, which it sizes by its limits
   * and not by the input (~45 MB with defaults), out of the RSS figure.
   */
  const NODE_FLAGS = ['--max-old-space-size=16', '--max-semi-space-size=1'];

  /** ~50 MB of engine-like NDJSON, made on the fly: orders filling in many small cumulative steps. */
  async function feedLongStream(stdin: NodeJS.WritableStream): Promise<number> {
    let bytes = 0;
    let seq = 0;
    let batch = '';
    const line = (event: Record<string, unknown>) => {
      batch += `${JSON.stringify({ ...event, seq: ++seq, engine: 'eng-1' })}\n`;
    };
    for (let wave = 0; wave < ORDERS / AT_ONCE; wave++) {
      const ids = Array.from({ length: AT_ONCE }, (_, i) => `coid_${wave}_${i}_padding_to_look_like_a_real_uuid`);
      for (const id of ids) {
        line({
          type: 'order_created',
          client_order_id: id,
          ts: 1763856000 + seq / 1000,
          symbol: 'BTC-USD',
          side: 'buy',
          size_usd: 10_000,
          route: 'live',
        });
        line({ type: 'order_transition', client_order_id: id, ts: 1763856000 + seq / 1000, status: 'OPEN', order_id: `exch_${id}` });
      }
      for (let f = 1; f <= FILLS_PER_ORDER; f++) {
        // Below the 99.9 % auto-fill line until the very last report.
        const value = f === FILLS_PER_ORDER ? 10_000 : (9_980 * f) / FILLS_PER_ORDER;
        for (const id of ids)
          line({
            type: 'order_fill',
            client_order_id: id,
            ts: 1763856000 + seq / 1000,
            filled_size: value / 97_000,
            filled_value: value,
            fees: value * 0.004,
          });
        if (batch.length > 1 << 16) {
          bytes += Buffer.byteLength(batch);
          if (!stdin.write(batch)) await once(stdin, 'drain');
          batch = '';
        }
      }
    }
    bytes += Buffer.byteLength(batch);
    stdin.write(batch);
    return bytes;
  }

  it('streams ~50 MB through stdin in a 16 MB heap, peak RSS growing far less than the input', async () => {
    const options = { cli: bundled, nodeFlags: NODE_FLAGS, measurePeakRss: true, timeoutMs: 60_000 };
    const idle = await runReplay(['-', '--now', NOW], { ...options, stdin: '' });
    let inputBytes = 0;
    const run = await runReplay(['-', '--now', NOW], {
      ...options,
      stdin: async (stdin) => {
        inputBytes = await feedLongStream(stdin);
      },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      summary: { by_status: Record<string, number> };
      orders: { fills: unknown[] }[];
      anomalies: unknown[];
      rejected_lines: number;
    };
    expect(report.summary.by_status.FILLED).toBe(ORDERS);
    expect(report.orders[0]!.fills).toHaveLength(64);
    expect(report.anomalies).toEqual([]);
    expect(report.rejected_lines).toBe(0);
    const growth = run.peakRssBytes! - idle.peakRssBytes!;
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
    console.log(
      `replay memory: input ${mb(inputBytes)}; peak RSS ${mb(run.peakRssBytes!)}, idle CLI ${mb(idle.peakRssBytes!)}, growth ${mb(growth)} (must stay < half the input)`,
    );
    expect(inputBytes).toBeGreaterThan(45 * 2 ** 20);
    expect(growth).toBeLessThan(inputBytes / 2);
  }, 90_000);
});
