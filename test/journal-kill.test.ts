import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrderEvent } from '../src/core/events';
import { createEventMix } from './support/event-mix';
import { ndjson, postEvents } from './support/relay-post';
import type { RelayProcess } from './support/relay-process';
import { startRelayProcess } from './support/relay-process';
import { runReplay } from './support/run-replay';

const TOTAL = 100_000;
const BATCH = 2_000;
const KILLS = 10;
const SEED = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.FC_SEED);
const NOW = '2026-12-03T12:00:00Z';

interface Report {
  orders: { client_order_id: string }[];
  anomaly_counts: Record<string, number>;
  summary: unknown;
}

async function rseqOf(relay: RelayProcess): Promise<number> {
  return ((await (await fetch(`${relay.url}/api/healthz`)).json()) as { rseq: number }).rseq;
}

/** What matters of a report; `stale` and ages depend on each process's clock. */
const comparable = (report: Report) => ({ orders: report.orders, anomaly_counts: report.anomaly_counts });

describe(
  `kill -9 during a ${TOTAL.toLocaleString('en')}-event ingest (seed ${SEED}; rerun with FC_SEED=${SEED})`,
  { timeout: 240_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderwatch-kill-'));
    const args = ['--no-sim', '--data-dir', dir];
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('after each restart every acknowledged event is there; the end state equals the replay CLI over the events', async () => {
      // Every event carries a per-engine seq, so a resent batch is exactly "duplicates for what got in".
      const events: OrderEvent[] = [];
      for (const event of createEventMix({ seed: SEED, orders: Number.POSITIVE_INFINITY, maxActive: 2_000 })) {
        if (events.length === TOTAL) break;
        events.push(event);
      }
      expect(events).toHaveLength(TOTAL);
      expect(events.every((e) => e.seq !== undefined)).toBe(true);
      const batches = TOTAL / BATCH;
      const killAt = new Set(
        fc
          .sample(fc.integer({ min: 0, max: batches - 1 }), { seed: SEED, numRuns: 200 })
          .filter((v, i, a) => a.indexOf(v) === i)
          .slice(0, KILLS),
      );
      const delays = fc.sample(fc.integer({ min: 0, max: 40 }), { seed: SEED + 1, numRuns: KILLS });
      expect(killAt.size).toBe(KILLS);

      let relay = await startRelayProcess(args);
      let acknowledged = 0;
      let kills = 0;
      try {
        for (let b = 0; b < batches; b++) {
          const batch = events.slice(b * BATCH, (b + 1) * BATCH);
          if (killAt.has(b)) {
            // The POST is in flight (perhaps answered, perhaps half applied) when the process dies.
            const inFlight = postEvents(relay.url, ndjson(batch)).catch(() => undefined);
            await new Promise((r) => setTimeout(r, delays[kills++]));
            await relay.kill();
            const answered = await inFlight;
            relay = await startRelayProcess(args);
            const kept = (await rseqOf(relay)) - acknowledged;
            const context = `kill ${kills} at batch ${b}`;
            console.info(`${context}: ${kept} of ${BATCH} in, answered ${answered?.status ?? 'no'}`);
            // Nothing acknowledged is lost; of the batch in flight, a prefix got in (all of it if it was answered).
            expect(kept, context).toBeGreaterThanOrEqual(answered?.status === 200 ? BATCH : 0);
            expect(kept, context).toBeLessThanOrEqual(BATCH);
            // The engine sends the unanswered batch again: what got in is a duplicate, the rest applies.
            const again = await postEvents(relay.url, ndjson(batch));
            expect(again.status, context).toBe(200);
            expect(again.reply, context).toMatchObject({ accepted: BATCH - kept, duplicates: kept, rejected: [] });
          } else {
            const { status, reply } = await postEvents(relay.url, ndjson(batch));
            expect(status).toBe(200);
            expect(reply.accepted).toBe(BATCH);
          }
          acknowledged += BATCH;
        }
        expect(kills).toBe(KILLS);
        expect(await rseqOf(relay)).toBe(TOTAL);
        const live = (await (await fetch(`${relay.url}/api/orders`)).json()) as Report;
        const replay = await runReplay(['-', '--now', NOW, '--keep-terminal', '50000'], {
          cli: 'tsx',
          stdin: ndjson(events),
          timeoutMs: 120_000,
        });
        expect(replay.code, replay.stderr).toBe(0);
        expect(comparable(live)).toEqual(comparable(JSON.parse(replay.stdout) as Report));
      } finally {
        await relay.kill();
      }
    });
  },
);
