import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Variant } from './run-variant';

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_BENCH = join(ROOT, 'dist-bench');

/**
 * Builds the four pages: our real page with the shipped Vite config (into dist-bench/orderwatch,
 * so a build in dist/ by someone else is never disturbed), and the three bench-only pages with
 * bench/browser/vite.config.ts.
 */
export function buildPages(): void {
  buildOrderwatchPage();
  vite(['-c', 'bench/browser/vite.config.ts'], { BENCH_PAGE: 'aggrid' });
  vite(['-c', 'bench/browser/vite.config.ts'], { BENCH_PAGE: 'perspective' });
  vite(['-c', 'bench/browser/vite.config.ts'], { BENCH_PAGE: 'no-table' });
}

const vite = (args: string[], env: Record<string, string> = {}): void =>
  void execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: 600_000,
  });

/** The shipped page plus the read-only debug hook the benchmark reads the page's book through. */
export function buildOrderwatchPage(): void {
  vite(['--outDir', join(DIST_BENCH, 'orderwatch'), '--emptyOutDir'], { VITE_DEBUG_HOOK: '1' });
}

export const distDir = (variant: Variant): string => join(DIST_BENCH, variant);

/** Gzipped size of a page's JavaScript and CSS (what the browser downloads), in KB; the bench-only debug hook's chunk is not shipped. */
export function gzippedKb(dir: string): number {
  const assets = join(dir, 'assets');
  let bytes = 0;
  for (const name of readdirSync(assets)) {
    if (name.startsWith('debug-hook-')) continue;
    if (name.endsWith('.js') || name.endsWith('.css')) bytes += gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  }
  return bytes / 1024;
}
