import { describe, expect, it } from 'vitest';
import { CounterWindow } from './counter-window';

describe('CounterWindow', () => {
  it('gives how much each cumulative counter grew over the window, forgetting older samples', () => {
    const w = new CounterWindow<'a' | 'b'>(60_000);
    expect(w.over()).toEqual({});
    w.sample(0, { a: 0, b: 5 });
    w.sample(30_000, { a: 10, b: 5 });
    expect(w.over()).toEqual({ a: 10, b: 0 });
    w.sample(60_000, { a: 15, b: 7 });
    expect(w.over()).toEqual({ a: 15, b: 2 });
    w.sample(90_000, { a: 40, b: 7 });
    // The baseline is now the sample at 30 s, the last at or before the window's start.
    expect(w.over()).toEqual({ a: 30, b: 2 });
  });
});
