import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import LAYERING from '../layering.json';
import { scanSource } from './support/boundary-scan';

/*
 * The layering of ../shared/STYLE.md as data: which folder of src/ may import which. Data flows one
 * way (engine → server (core) → stream → client (core) → store → views), so the client may feed
 * the store but the store never reaches back into the client; a new import that runs back up, or a
 * feature that reaches into another, fails here rather than in review. Test files are exempt (a unit
 * test may reach its test kit), production files are not. The table lives in layering.json, which
 * eslint.config.js reads too: the linter flags a bad import in the editor, this test holds the
 * whole tree to the rules, resolved file by file.
 */
type Layer = keyof typeof LAYERING.mayImport;
const MAY_IMPORT: Readonly<Record<Layer, readonly string[]>> = LAYERING.mayImport;

/** Layers whose code runs in the browser: no Node builtins, no server-only packages. */
const BROWSER: ReadonlySet<string> = new Set(LAYERING.browser);
const NODE_ONLY_PACKAGES: readonly string[] = LAYERING.nodeOnlyPackages;

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !isTestFile(e.name))
    .map((e) => join(e.parentPath, e.name));
}

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => statSync(c, { throwIfNoEntry: false })?.isFile() === true) ?? base;
}

/** The layer a path is in, or undefined outside src/ (test/, bench/, e2e/ …). */
function layerOf(path: string): { layer: Layer; feature?: string } | undefined {
  if (!path.startsWith(SRC + sep)) return undefined;
  const [top, sub] = relative(SRC, path).split(sep);
  if (top === undefined || !(top in MAY_IMPORT)) return undefined;
  return top === 'features' ? { layer: 'features', feature: sub } : { layer: top as Layer };
}

const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

/** What is wrong with one file's imports, as `file:line what`. */
export function layeringProblems(file: string, text: string): string[] {
  const from = layerOf(file);
  if (from === undefined) return [`${relative(ROOT, file)} is in no layer of src/: add it to MAY_IMPORT`];
  const problems: string[] = [];
  for (const ref of scanSource(file, text).references) {
    const where = `${relative(ROOT, file)}:${ref.line}`;
    if (!ref.specifier.startsWith('.')) {
      if (BROWSER.has(from.layer) && isNodeBuiltin(ref.specifier)) problems.push(`${where} browser code imports Node's "${ref.specifier}"`);
      else if (
        BROWSER.has(from.layer) &&
        NODE_ONLY_PACKAGES.some((p) => ref.specifier === p || ref.specifier.startsWith(p.endsWith('/') ? p : `${p}/`))
      ) {
        problems.push(`${where} browser code imports the server package "${ref.specifier}"`);
      }
      continue;
    }
    const target = resolveRelative(file, ref.specifier);
    const to = layerOf(target);
    if (to === undefined) {
      problems.push(
        `${where} imports "${ref.specifier}" from outside the layers of src/ (test/, bench/ and e2e/ are never imported by src/)`,
      );
    } else if (!MAY_IMPORT[from.layer].includes(to.layer)) {
      problems.push(`${where} ${from.layer} imports ${to.layer} ("${ref.specifier}")`);
    } else if (from.layer === 'features' && to.layer === 'features' && from.feature !== to.feature) {
      problems.push(`${where} feature ${from.feature} imports feature ${to.feature} ("${ref.specifier}"): compose them in app/`);
    }
  }
  return problems;
}

describe('the layering of src/', () => {
  it('every production file imports only what its layer may', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => layeringProblems(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});

describe('the layering check itself catches what it must', () => {
  const at = (path: string) => join(SRC, ...path.split('/'));
  it.each([
    ['client/x.ts', "import { Buffer } from 'node:buffer';", `browser code imports Node's "node:buffer"`],
    ['store/x.ts', "import { readFileSync } from 'fs';", `browser code imports Node's "fs"`],
    ['features/wall/x.tsx', "import pino from 'pino';", 'browser code imports the server package "pino"'],
    ['components/x.tsx', "import { Hono } from 'hono';", 'browser code imports the server package "hono"'],
    ['store/x.ts', "import { FeedClient } from '../client/feed-client';", 'store imports client'],
    ['store/x.ts', "import type { RelayState } from '../server/relay-state';", 'store imports server'],
    ['features/wall/x.tsx', "import { StalePanel } from '../stale/stale-orders-panel';", 'feature wall imports feature stale'],
    ['server/x.ts', "import { run } from '../cli/replay';", 'server imports cli'],
    ['core/x.ts', "import { decodeLine } from '../protocol/decode';", 'core imports protocol'],
    ['components/x.tsx', "import { useStore } from '../store/dashboard-context';", 'components imports store'],
    ['server/x.ts', "import { kit } from '../../test/support/book-state';", 'from outside the layers of src/'],
    ['engine/x.ts', "import { mix } from '../../bench/mix';", 'from outside the layers of src/'],
  ])('%s: %s', (path, source, expected) => {
    expect(layeringProblems(at(path), source).join('\n')).toContain(expected);
  });

  it('allows what each layer does today', () => {
    expect(
      layeringProblems(at('features/wall/x.tsx'), "import { x } from './wall-view';\nimport { y } from '../../store/dashboard-store';"),
    ).toEqual([]);
    expect(layeringProblems(at('server/x.ts'), "import { createHash } from 'node:crypto';\nimport { Hono } from 'hono';")).toEqual([]);
    expect(layeringProblems(at('app/x.tsx'), "import { FeedClient } from '../client/feed-client';")).toEqual([]);
  });
});
