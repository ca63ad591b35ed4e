import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { createFrameScheduler } from './frame-scheduler';

describe('frame scheduler', () => {
  it('runs on the next animation frame, once', () => {
    const timers = new ManualClock();
    const frames: (() => void)[] = [];
    const scheduler = createFrameScheduler({ requestAnimationFrame: (fn) => frames.push(fn), clock: timers });
    let runs = 0;
    scheduler.frame(() => runs++);
    frames[0]!();
    timers.advance(1000);
    expect(runs).toBe(1);
  });

  it('falls back to a timer when no frame comes (hidden tab)', () => {
    const timers = new ManualClock();
    const frames: (() => void)[] = [];
    const scheduler = createFrameScheduler({ requestAnimationFrame: (fn) => frames.push(fn), clock: timers }, 250);
    let runs = 0;
    scheduler.frame(() => runs++);
    timers.advance(249);
    expect(runs).toBe(0);
    timers.advance(1);
    expect(runs).toBe(1);
    frames[0]!();
    expect(runs).toBe(1);
  });
});
