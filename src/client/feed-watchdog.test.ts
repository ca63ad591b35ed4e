import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { createWatchdog } from './feed-watchdog';

function setup(beatMs = 1000) {
  const timers = new ManualClock();
  let set = 0;
  const counted = { ...timers, now: timers.now, every: timers.every, after: (ms: number, fn: () => void) => (set++, timers.after(ms, fn)) };
  const calls: string[] = [];
  let beat = beatMs;
  const watchdog = createWatchdog({
    clock: counted,
    heartbeatMs: () => beat,
    onQuiet: () => calls.push(`quiet@${timers.now()}`),
    onDead: (quietMs) => calls.push(`dead after ${quietMs}`),
  });
  return { timers, watchdog, calls, timersSet: () => set, setBeat: (ms: number) => void (beat = ms) };
}

describe('feed watchdog', () => {
  it('sets one timer for a stream of messages, however many arrive', () => {
    const { timers, watchdog, timersSet, calls } = setup();
    for (let i = 0; i < 1_000; i++) {
      watchdog.alive();
      timers.advance(1);
    }
    expect(timersSet()).toBe(1);
    expect(calls).toEqual([]);
  });

  it('calls the stream quiet two heartbeats after the last data and dead after four', () => {
    const { timers, watchdog, calls } = setup();
    const start = timers.now();
    watchdog.alive();
    timers.advance(1500);
    watchdog.alive();
    timers.advance(1999);
    expect(calls).toEqual([]);
    timers.advance(1);
    expect(calls).toEqual([`quiet@${start + 3500}`]);
    timers.advance(2000);
    expect(calls).toEqual([`quiet@${start + 3500}`, 'dead after 4000']);
  });

  it('fires on time when a snapshot shortens the heartbeat, and never after stop', () => {
    const { timers, watchdog, calls, setBeat } = setup(5000);
    watchdog.alive();
    setBeat(1000);
    watchdog.alive();
    timers.advance(2000);
    expect(calls).toHaveLength(1);
    watchdog.stop();
    timers.advance(60_000);
    expect(calls).toHaveLength(1);
  });
});
