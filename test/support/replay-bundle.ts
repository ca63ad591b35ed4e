import { build } from 'esbuild';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles src/cli/replay.ts into one plain .mjs file, so a test that runs the CLI a dozen times
 * pays tsx's start-up (about a CPU-second each) once. Same source, same code path; esbuild is
 * what tsx itself uses to compile it.
 */
export async function bundleReplayCli(outDir: string): Promise<string> {
  const outfile = join(outDir, 'replay.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/cli/replay.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
