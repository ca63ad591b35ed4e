/**
 * `npm run bench:decode [-- --quick]`: what checking wire v1 costs per event, on the three hot
 * paths that run it: the relay's ingest (`decodeLine` on NDJSON), and the browser's and the
 * cluster relays' `decodeEvent` on already-parsed stream events. JSON.parse alone is printed as
 * the floor `decodeLine` cannot go below. Results in bench/results/decode.json.
 */
import { cpus, loadavg } from 'node:os';
import type { OrderEvent } from '../src/core/events';
import { generateEvents } from '../test/support/event-mix';
import { decodeEvent, decodeLine } from '../src/protocol/decode';
import { toWire } from '../src/protocol/encode';
import type { Figure } from './lib/figures';
import { printFigures } from './lib/figures';
import { bestOf, hasFlag } from './lib/measure';
import { writeResults } from './lib/results';

const quick = hasFlag('--quick');
const SEED = 20_261_124;
const ORDERS = quick ? 30_000 : 120_000;
const RUNS = quick ? 5 : 9;

/** Python's `datetime.isoformat()` with an offset: the other `ts` form engines send. */
function isoLine(event: OrderEvent): string {
  return JSON.stringify({ ...toWire(event), ts: new Date(event.ts).toISOString().replace('Z', '+00:00') });
}

/** ns per item of the fastest run; `sink` keeps the work from being optimised away. */
function nsPerItem<T>(items: readonly T[], work: (item: T) => unknown): number {
  let sink = 0;
  const timing = bestOf(
    RUNS,
    2,
    () => undefined,
    () => {
      for (let i = 0; i < items.length; i++) if (work(items[i]!) !== undefined) sink++;
    },
  );
  if (sink === 0) throw new Error('nothing decoded');
  return (timing.bestMs * 1e6) / items.length;
}

function mustDecode(decoded: ReturnType<typeof decodeLine>): ReturnType<typeof decodeLine> {
  if (!decoded.ok) throw new Error(`bench input rejected: ${decoded.error}`);
  return decoded;
}

function main(): void {
  const events = generateEvents({ seed: SEED, orders: ORDERS, maxActive: 2_000, engines: 3 });
  const lines = events.map((e) => JSON.stringify(toWire(e)));
  const isoLines = events.map(isoLine);
  // What the browser and the cluster relays hand to decodeEvent: JSON already parsed, ts in seconds.
  const parsed = lines.map((l) => JSON.parse(l) as unknown);
  console.log(
    `decode bench${quick ? ' (quick)' : ''}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs: ${events.length.toLocaleString('en-US')} events, seed ${SEED}`,
  );

  const figures: Figure[] = [
    { figure: 'JSON.parse alone (the floor under decodeLine)', value: nsPerItem(lines, (l) => JSON.parse(l)), unit: 'ns/ev' },
    { figure: 'decodeLine, ts as epoch seconds (relay ingest)', value: nsPerItem(lines, (l) => mustDecode(decodeLine(l))), unit: 'ns/ev' },
    { figure: 'decodeLine, ts as ISO-8601 with offset', value: nsPerItem(isoLines, (l) => mustDecode(decodeLine(l))), unit: 'ns/ev' },
    { figure: 'decodeEvent on parsed JSON (browser, cluster)', value: nsPerItem(parsed, (v) => mustDecode(decodeEvent(v))), unit: 'ns/ev' },
  ];
  const checked = printFigures('wire v1 decode', figures);
  const path = writeResults('decode', checked, { quick, loadAverage: loadavg(), seed: SEED, events: events.length });
  console.log(`\nresults in ${path}`);
}

main();
