import { describe, expect, it } from 'vitest';
import { bundleStaleness } from './bundle-staleness';

const BUILT = { builtAtMs: 10_000, testBuild: false };
const sources = (...times: number[]) => times.map((mtimeMs, i) => ({ path: `src/app/file-${i}.tsx`, mtimeMs }));

describe('bundleStaleness', () => {
  it('keeps a bundle built after every source changed', () => {
    expect(bundleStaleness(BUILT, sources(1_000, 9_999, 5_000))).toEqual({ build: false });
    expect(bundleStaleness(BUILT, [])).toEqual({ build: false });
  });

  it('rebuilds when any source changed after the build, naming the newest', () => {
    expect(bundleStaleness(BUILT, sources(1_000, 12_000, 11_000))).toEqual({
      build: true,
      reason: 'src/app/file-1.tsx changed since the last build',
    });
  });

  it('rebuilds on a source as old as the build: a coarse clock cannot tell which came first', () => {
    expect(bundleStaleness(BUILT, sources(10_000)).build).toBe(true);
  });

  it('builds when there is no bundle, and replaces the browser tests’ build whatever its age', () => {
    expect(bundleStaleness(undefined, sources(1))).toEqual({ build: true, reason: 'no bundle in dist/' });
    expect(bundleStaleness({ builtAtMs: 10_000, testBuild: true }, sources(1))).toEqual({
      build: true,
      reason: 'dist/ holds the browser tests’ build',
    });
  });
});
