import type { Cancel, Clock } from '../lib/clock';
import { systemClock } from '../platform/system-clock';
import { toNdjsonLine } from '../protocol/encode';
import type { OutboxStats } from './paper-outbox';
import { Outbox } from './paper-outbox';
import type { PaperResume, PaperSimStats } from './paper-sim';
import { createPaperSim } from './paper-sim';

export interface PaperEngineOptions {
  readonly seed: number;
  /** Events per second, all kinds together. Default 50. */
  readonly ratePerSec?: number;
  /** Inject a small rate of every anomaly kind and duplicate lines (for demos and tests). */
  readonly faults?: boolean;
  readonly faultRate?: number;
  /** Delivers one NDJSON batch through the relay's ingest path; reject to have it retried. */
  readonly post: (ndjson: string) => Promise<void>;
  /** Time and timers; the system clock by default (a test steps a manual one). */
  readonly clock?: Clock;
  /** How often events are generated and posted. Default 100 ms. */
  readonly batchMs?: number;
  /** Lines held while the relay is unreachable before generation pauses. Default 50,000. */
  readonly maxQueuedLines?: number;
  readonly resume?: PaperResume;
  readonly onPostError?: (error: unknown, failures: number) => void;
}

export interface PaperEngineStats extends PaperSimStats, OutboxStats {}

export interface PaperEngine {
  start(): void;
  /** Stops generating and delivers what is queued (one attempt). */
  stop(): Promise<void>;
  stats(): PaperEngineStats;
}

/**
 * A simulated paper-trading engine posting wire v1 NDJSON, exactly as a real engine would,
 * through `post`. Deterministic for a seed given the same clock and timer sequence.
 *
 * @example
 * const engine = createPaperEngine({ seed: 1, ratePerSec: 50, post: (body) => postToRelay(body) });
 * engine.start();
 */
export function createPaperEngine(options: PaperEngineOptions): PaperEngine {
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const batchMs = options.batchMs ?? 100;
  const sim = createPaperSim({
    seed: options.seed,
    ratePerSec: options.ratePerSec ?? 50,
    faults: options.faults ?? false,
    ...(options.faultRate === undefined ? {} : { faultRate: options.faultRate }),
    ...(options.resume === undefined ? {} : { resume: options.resume }),
  });
  const outbox = new Outbox({
    post: options.post,
    now,
    ...(options.maxQueuedLines === undefined ? {} : { maxQueuedLines: options.maxQueuedLines }),
    ...(options.onPostError === undefined ? {} : { onPostError: options.onPostError }),
  });
  let cancelTick: Cancel | undefined;
  let running = false;

  const tick = (): void => {
    cancelTick = undefined;
    if (!running) return;
    // A full outbox pauses generation: the relay is behind, and a simulator can wait.
    if (outbox.hasRoom()) {
      const events = sim.step(now());
      let body = '';
      for (const event of events) body += toNdjsonLine(event);
      outbox.push(body, events.length);
    }
    outbox.pump();
    cancelTick = clock.after(batchMs, tick);
  };

  return {
    start() {
      if (running) return;
      running = true;
      tick();
    },
    async stop() {
      running = false;
      cancelTick?.();
      cancelTick = undefined;
      await outbox.flush();
    },
    stats: () => ({ ...sim.stats(), ...outbox.stats() }),
  };
}
