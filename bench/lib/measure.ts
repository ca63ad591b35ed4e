/** Forces a full collection; benchmarks that measure heap run under `--expose-gc`. */
export function forceGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('heap figures need --expose-gc (run through the npm script)');
  // Twice: the first pass can leave garbage reachable only from finalizers/weak maps.
  gc();
  gc();
}

/** Heap in use after a full collection, in bytes. */
export function heapAfterGc(): number {
  forceGc();
  return process.memoryUsage().heapUsed;
}

export interface Timing<S> {
  readonly bestMs: number;
  readonly runsMs: readonly number[];
  /** Process CPU time (all threads, GC helpers included) of the fastest-by-CPU run. */
  readonly bestCpuMs: number;
  /** The state the last run worked on, for checking what it produced. */
  readonly last: S;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times; the best run is the figure (the
 * others are mostly the neighbours' noise on a shared machine). `setup` runs untimed before each.
 */
export function bestOf<S>(runs: number, warmup: number, setup: () => S, fn: (state: S) => void): Timing<S> {
  const runsMs: number[] = [];
  let bestCpuMs = Number.POSITIVE_INFINITY;
  let last: S | undefined;
  for (let i = 0; i < warmup + Math.max(1, runs); i++) {
    const state = setup();
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn(state);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (i >= warmup) {
      runsMs.push(ms);
      bestCpuMs = Math.min(bestCpuMs, (used.user + used.system) / 1000);
    }
    last = state;
  }
  return { bestMs: Math.min(...runsMs), runsMs, bestCpuMs, last: last as S };
}

/** `--name` present on the command line. */
export function hasFlag(name: string, argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.includes(name);
}

/** `name N` from the command line: a positive number, else `fallback`. */
export function numberFlag(name: string, fallback: number, argv: readonly string[] = process.argv.slice(2)): number {
  const i = argv.indexOf(name);
  const value = i === -1 ? Number.NaN : Number(argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
