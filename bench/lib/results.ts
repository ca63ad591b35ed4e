import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedFigure } from './figures';

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

/**
 * Writes `bench/results/<name>.json` (git-ignored): the figures plus the machine they ran on,
 * so numbers from different runs can be compared honestly. Returns the path.
 */
export function writeResults(name: string, figures: readonly CheckedFigure[], details: Record<string, unknown> = {}): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  const body = {
    bench: name,
    at: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
    figures,
    details,
  };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
  return path;
}
