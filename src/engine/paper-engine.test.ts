import { decodeLine } from '../protocol/decode';
import { ManualClock } from '../../test/support/manual-clock';
import type { PaperEngineOptions } from './paper-engine';
import { createPaperEngine } from './paper-engine';

const START = Date.parse('2026-03-02T09:00:00Z');

/** A clock that only moves when the test says so, letting post results settle after each timer. */
function steppedClock() {
  const manual = new ManualClock(START);
  /** Lets promise callbacks (post results) run, as a real event loop would between timers. */
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { manual, now: manual.now, advance: (ms: number) => manual.advanceSettling(ms, settle) };
}

type Post = PaperEngineOptions['post'];

function engineWith(post: Post, extra: Partial<PaperEngineOptions> = {}) {
  const clock = steppedClock();
  const engine = createPaperEngine({ seed: 9, ratePerSec: 200, post, clock: clock.manual, ...extra });
  return { clock, engine };
}

const linesOf = (bodies: readonly string[]): string[] => bodies.flatMap((b) => b.split('\n').filter((l) => l !== ''));

/** Seqs per engine as received, with duplicates (retries the relay would drop) removed. */
function seqsByEngine(lines: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of lines) {
    const d = decodeLine(line);
    if (!d.ok) throw new Error(d.error);
    const list = out.get(d.event.engine) ?? [];
    if (list.length === 0 || d.event.seq! > list[list.length - 1]!) list.push(d.event.seq!);
    out.set(d.event.engine, list);
  }
  return out;
}

const contiguous = (seqs: readonly number[]): boolean => seqs.every((s, i) => s === i + 1);

describe('paper engine', () => {
  it('posts small NDJSON batches at the configured rate, the same for the same seed', async () => {
    const runOnce = async (): Promise<string[]> => {
      const bodies: string[] = [];
      const { clock, engine } = engineWith(async (body) => void bodies.push(body));
      engine.start();
      await clock.advance(10_000);
      await engine.stop();
      return bodies;
    };
    const first = await runOnce();
    expect(await runOnce()).toEqual(first);
    // One POST per 100 ms tick (the first tick only starts the clock: nothing to post).
    expect(first.length).toBeGreaterThanOrEqual(95);
    expect(first.length).toBeLessThanOrEqual(101);
    const lines = linesOf(first);
    expect(lines.length).toBeGreaterThan(1_900);
    expect(lines.length).toBeLessThan(2_150);
    for (const seqs of seqsByEngine(lines).values()) expect(contiguous(seqs)).toBe(true);
  });

  it('backs off while the relay refuses and then delivers every event', async () => {
    const attempts: number[] = [];
    const delivered: string[] = [];
    const { clock, engine } = engineWith(async (body) => {
      attempts.push(clock.now());
      if (clock.now() < START + 5_000) throw new Error('503 relay busy');
      delivered.push(body);
    });
    engine.start();
    await clock.advance(5_000);
    // 250, 500, 1000, 2000 ms between attempts: a handful of tries, not one per tick.
    expect(attempts.length).toBeLessThanOrEqual(6);
    expect(engine.stats().queuedLines).toBeGreaterThan(800);
    await clock.advance(10_000);
    await engine.stop();
    expect(engine.stats().queuedLines).toBe(0);
    const seqs = seqsByEngine(linesOf(delivered));
    for (const list of seqs.values()) expect(contiguous(list)).toBe(true);
    const total = [...seqs.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBe(engine.stats().emitted);
  });

  it('pauses generation instead of growing its queue while the relay stays down', async () => {
    const { clock, engine } = engineWith(
      async () => {
        throw new Error('connection refused');
      },
      { maxQueuedLines: 1_000 },
    );
    engine.start();
    await clock.advance(60_000);
    const { queuedLines, emitted } = engine.stats();
    // At most one tick's worth (20 events at 200/s) beyond the bound.
    expect(queuedLines).toBeGreaterThanOrEqual(1_000);
    expect(queuedLines).toBeLessThan(1_100);
    expect(emitted).toBe(queuedLines);
    await engine.stop();
  });

  it('delivers what is queued when stopped', async () => {
    const delivered: string[] = [];
    let open = false;
    const { clock, engine } = engineWith(async (body) => {
      if (!open) throw new Error('down');
      delivered.push(body);
    });
    engine.start();
    await clock.advance(2_000);
    open = true;
    await engine.stop();
    expect(linesOf(delivered).length).toBe(engine.stats().emitted);
    expect(engine.stats().queuedLines).toBe(0);
  });
});
