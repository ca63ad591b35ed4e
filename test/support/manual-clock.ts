import type { Cancel, Clock } from '../../src/lib/clock';

interface Timer {
  at: number;
  readonly every: number | null;
  readonly fn: () => void;
}

/** A clock for tests: nothing moves until `advance`, which fires due timers in time order. */
export class ManualClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start = 1_000_000) {
    this.t = start;
  }

  now = (): number => this.t;

  after = (ms: number, fn: () => void): Cancel => this.add(ms, null, fn);

  every = (ms: number, fn: () => void): Cancel => this.add(ms, Math.max(1, ms), fn);

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (let next = this.due(end); next !== undefined; next = this.due(end)) this.fire(next);
    this.t = end;
  }

  /** As `advance`, awaiting `settle` after each timer (lets promise callbacks run, as an event loop would). */
  async advanceSettling(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.t + ms;
    for (let next = this.due(end); next !== undefined; next = this.due(end)) {
      this.fire(next);
      await settle();
    }
    this.t = end;
  }

  /** Timers waiting to fire. */
  pending(): number {
    return this.timers.size;
  }

  private add(ms: number, every: number | null, fn: () => void): Cancel {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), every, fn });
    return () => void this.timers.delete(id);
  }

  /** The earliest timer due by `end`; ties go to the one set first. */
  private due(end: number): [number, Timer] | undefined {
    let next: [number, Timer] | undefined;
    for (const entry of this.timers) if (entry[1].at <= end && (next === undefined || entry[1].at < next[1].at)) next = entry;
    return next;
  }

  private fire([id, timer]: [number, Timer]): void {
    this.t = timer.at;
    if (timer.every === null) this.timers.delete(id);
    else timer.at += timer.every;
    timer.fn();
  }
}
