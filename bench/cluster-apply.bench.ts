/**
 * `npx tsx bench/cluster-apply.bench.ts [--events N] [--runs N]`: one relay's read path in
 * Redis mode, without Redis or sockets: batch entries (as XREAD hands them over) parsed, decoded
 * and applied into a relay's state, log and fan-out queue, as `bench:cluster` makes every relay
 * do for every event. Prints CPU µs per event (the best of a few runs: on a shared machine the
 * others are the neighbours' noise), so a change to that path can be weighed in a minute
 * rather than through the full cluster benchmark.
 */
import { cpus, loadavg } from 'node:os';
import { SharedEventLog } from '../src/server/redis/shared-event-log';
import { RelaySink } from '../src/server/redis/relay-sink';
import type { RawEntry } from '../src/server/redis/stream-entry';
import { batchFields, joinInParts } from '../src/server/redis/entry-parts';
import { encodeEventPayload, parseEntry } from '../src/server/redis/stream-entry';
import { RelayState } from '../src/server/relay-state';
import { eventsMessage } from '../src/protocol/stream-messages';
import { decodeLine } from '../src/protocol/decode';
import { toNdjsonLine } from '../src/protocol/encode';
import { engineStream } from './cluster-posters';
import { numberFlag } from './lib/measure';

const EVENTS = numberFlag('--events', 300_000);
const RUNS = numberFlag('--runs', 5);
/** Events per entry: what one 64 KiB chunk of an engine's POST holds. */
const PER_ENTRY = 275;
const AT = 1_764_000_000_000;

/** The entries three engines' events make, as the ingesting relays store them. */
function makeEntries(): RawEntry[] {
  const engines = [0, 1, 2].map((i) => engineStream(100 + i, `max${i}`));
  const entries: RawEntry[] = [];
  let rseq = 1;
  for (let made = 0; made < EVENTS;) {
    const source = engines[entries.length % engines.length]!;
    const payloads: string[] = [];
    for (let i = 0; i < PER_ENTRY && made < EVENTS; i++, made++) {
      const decoded = decodeLine(toNdjsonLine(source.next().value));
      if (decoded.ok) payloads.push(encodeEventPayload(decoded.event));
    }
    entries.push([`${AT + entries.length}-0`, batchFields(rseq, AT, joinInParts(payloads))]);
    rseq += payloads.length;
  }
  return entries;
}

function run(entries: readonly RawEntry[]): { cpuUs: number; events: number } {
  const log = new SharedEventLog(100_000, 'bench');
  // The hub's bookkeeping: the rseqs since its last flush, whose items it reads from the log for a live client.
  let first = 0;
  let last = 0;
  const state = new RelayState({
    log,
    now: () => AT,
    anomalyLimit: 10_000,
    onAccepted: (rseq) => {
      if (last === 0) first = rseq;
      last = rseq;
    },
  });
  const sink = new RelaySink(state, log);
  let events = 0;
  const before = process.cpuUsage();
  for (const raw of entries) {
    const entry = parseEntry(raw);
    if (entry.kind !== 'events') throw new Error(`entry not read: ${entry.kind}`);
    for (const stored of entry.events) sink.apply(stored);
    events += entry.events.length;
    // The hub's flush with one live client: one message per batch, its JSON joined once.
    if (last > 0) {
      const items = log.readAfter(first - 1, last - first + 1);
      if (items === 'gone' || eventsMessage(items).length === 0) throw new Error('fan-out lost events');
      last = 0;
    }
  }
  const used = process.cpuUsage(before);
  return { cpuUs: used.user + used.system, events };
}

const entries = makeEntries();
console.log(`bench:cluster-apply: ${EVENTS} events in ${entries.length} entries, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
const perEvent: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const { cpuUs, events } = run(entries);
  perEvent.push(cpuUs / events);
  console.log(`run ${i + 1}: ${(cpuUs / events).toFixed(2)} µs CPU per event`);
}
console.log(`best: ${Math.min(...perEvent).toFixed(2)} µs CPU per event (read, decode, apply, log, fan-out join)`);
