import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { buildPages, distDir, gzippedKb } from './browser/build-pages';
import type { VariantSummary } from './browser/report';
import { printWorkload, summarize } from './browser/report';
import type { RunResult, Variant } from './browser/run-variant';
import { runVariant } from './browser/run-variant';
import type { Workload } from './browser/workload';
import { writeResults } from './lib/results';

/**
 * npm run bench:browser [-- --quick] [--skip-build] [--seed N] [--workload 100k×5k] [--variants orderwatch,aggrid,perspective,no-table]
 * Our page, the same page with AG Grid and with Perspective, and the page without a table, alternated A B C D D C B A on
 * the same seeded workloads, each against a fresh relay child process; see docs/benchmarks.md.
 */
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const seedAt = argv.indexOf('--seed');
const seed = seedAt === -1 ? 42 : Number(argv[seedAt + 1]);
const BUNDLE_GOAL_KB = 300;

const ALL_WORKLOADS: readonly Workload[] = [
  { name: '10k×1k', orders: 10_000, rate: 1_000 },
  { name: '10k×5k', orders: 10_000, rate: 5_000 },
  { name: '100k×1k', orders: 100_000, rate: 1_000 },
  { name: '100k×5k', orders: 100_000, rate: 5_000 },
];
// --workload NAME (x or × between the figures): that one at full length, e.g. the goals' 100k×5k.
const workloadAt = argv.indexOf('--workload');
const only = workloadAt === -1 ? null : (argv[workloadAt + 1] ?? '').replace('x', '×');
const WORKLOADS: readonly Workload[] =
  only !== null ? ALL_WORKLOADS.filter((w) => w.name === only) : quick ? ALL_WORKLOADS.slice(-1) : ALL_WORKLOADS;
if (WORKLOADS.length === 0)
  throw new Error(`--workload: no workload named ${only}; there are ${ALL_WORKLOADS.map((w) => w.name).join(', ')}`);
// --variants a,b: only those (same alternation), e.g. `--variants orderwatch` for a before/after of our page alone.
const variantsAt = argv.indexOf('--variants');
const picked = variantsAt === -1 ? null : new Set((argv[variantsAt + 1] ?? '').split(','));
const VARIANTS = ['orderwatch', 'aggrid', 'perspective', 'no-table'] as const;
// A B C D D C B A: each variant's runs sit symmetrically around the middle of the sitting.
const ORDER: readonly Variant[] = [...VARIANTS, ...[...VARIANTS].reverse()].filter((v) => picked === null || picked.has(v));
if (ORDER.length === 0) throw new Error(`--variants: none of ${argv[variantsAt + 1]} is a variant; there are ${VARIANTS.join(', ')}`);
const timing = quick ? { warmupMs: 3_000, measureMs: 10_000, scrollMs: 6_000 } : { warmupMs: 10_000, measureMs: 60_000, scrollMs: 20_000 };

async function main(): Promise<void> {
  if (!argv.includes('--skip-build')) buildPages();
  const bundleKb = gzippedKb(distDir('orderwatch'));
  console.log(
    `shipped bundle (dist, JS + CSS gzipped): ${bundleKb.toFixed(1)} KB (goal ≤ ${BUNDLE_GOAL_KB} KB) ${bundleKb <= BUNDLE_GOAL_KB ? 'ok' : 'NO'}`,
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const results: RunResult[] = [];
  const summaries: Record<string, Partial<Record<Variant, VariantSummary>>> = {};
  try {
    for (const workload of WORKLOADS) {
      for (const variant of ORDER) {
        process.stdout.write(`${workload.name} ${variant} … `);
        const result = await runVariant(browser, variant, workload, { seed, ...timing, distDir });
        results.push(result);
        console.log(
          `p50 ${result.live.latencyMs.length > 0 ? [...result.live.latencyMs].sort((a, b) => a - b)[result.live.latencyMs.length >> 1]!.toFixed(1) : '—'} ms, busy ${result.live.busyMsPerSec.toFixed(0)} ms/s, renderer CPU ${result.live.rendererCpuMsPerSec.toFixed(0)} ms/s, heap ${result.heapMb.toFixed(0)} MB`,
        );
      }
      const byVariant: Partial<Record<Variant, VariantSummary>> = {};
      for (const variant of new Set(ORDER))
        byVariant[variant] = summarize(results.filter((r) => r.workload === workload && r.variant === variant));
      summaries[workload.name] = byVariant;
    }
  } finally {
    await browser.close();
  }
  for (const workload of WORKLOADS)
    printWorkload(workload, summaries[workload.name]!, workload.orders === 100_000 && workload.rate === 5_000, console.log);
  const path = writeResults(quick ? 'browser-quick' : only !== null ? `browser-${only.replace('×', 'x')}` : 'browser', [], {
    seed,
    timing,
    bundleKb,
    summaries,
    runs: results.map((r) => ({
      ...r,
      live: { ...r.live, latencyMs: undefined },
      scroll: r.scroll && { ...r.scroll, latencyMs: undefined },
    })),
  });
  console.log(`\nresults: ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
