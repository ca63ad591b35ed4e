import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BuiltBundle, SourceTime } from './bundle-staleness';
import { bundleStaleness } from './bundle-staleness';

/**
 * `npm start`'s build step: runs `vite build` only when dist/ is older than what it is made from,
 * since a rebuild on every start took 16 s on a loaded machine. `npm run build` always builds.
 */
const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** Its mtime is the start of the build that made dist/: a source saved during that build is newer. */
const STAMP = join(DIST, '.built-from-sources');
/** Written by e2e/fixtures/build.ts beside a build with the debug hook. */
const TEST_BUILD_MARK = join(DIST, '.test-build');
/** Besides the browser layers of src/ (layering.json): what Vite reads to make the page. */
const FILES = [
  'index.html',
  'public',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.browser.json',
];

function sourceTimes(path: string, out: SourceTime[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  out.push({ path: relative(ROOT, path), mtimeMs: stat.mtimeMs });
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(path)) {
    // Tests are never in the bundle: editing one needs no build.
    if (!/\.test\.tsx?$/.test(entry)) sourceTimes(join(path, entry), out);
  }
}

function builtBundle(): BuiltBundle | undefined {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return undefined;
  return { builtAtMs: statSync(existsSync(STAMP) ? STAMP : index).mtimeMs, testBuild: existsSync(TEST_BUILD_MARK) };
}

function main(): number {
  const layering = JSON.parse(readFileSync(join(ROOT, 'layering.json'), 'utf8')) as { browser: string[] };
  const sources: SourceTime[] = [];
  for (const path of [...layering.browser.map((layer) => join('src', layer)), ...FILES]) sourceTimes(join(ROOT, path), sources);
  const decision = bundleStaleness(builtBundle(), sources);
  if (!decision.build) {
    process.stdout.write('bundle up to date (dist/ is newer than its sources)\n');
    return 0;
  }
  process.stdout.write(`building the bundle: ${decision.reason}…\n`);
  const startedAt = new Date();
  const vite = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (vite.status !== 0) return vite.status ?? 1;
  writeFileSync(STAMP, 'made by scripts/build-if-stale.ts; its mtime is when the build began\n');
  utimesSync(STAMP, startedAt, startedAt);
  return 0;
}

process.exitCode = main();
