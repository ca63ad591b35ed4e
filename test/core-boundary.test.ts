import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSource } from './support/boundary-scan';

const ROOT = resolve(import.meta.dirname, '..');
const ALLOWED_ROOTS = [join(ROOT, 'src', 'core'), join(ROOT, 'src', 'lib')];

const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file);
const inAllowedRoot = (file: string) => ALLOWED_ROOTS.some((root) => file === root || file.startsWith(root + sep));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !isTestFile(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Where a relative specifier lands on disk (TypeScript's bundler resolution, .ts sources only). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => statSync(c, { throwIfNoEntry: false })?.isFile() === true);
}

/**
 * Problems in one file: imports that leave src/core + src/lib (bare packages and node: builtins
 * included) and clock/host globals. Returns the in-bounds files it imports, to follow them.
 */
function checkFile(file: string, text: string): { problems: string[]; imports: string[] } {
  const { references, findings } = scanSource(file, text);
  const where = (line: number) => `${relative(ROOT, file)}:${line}`;
  const problems = findings.map((f) => `${where(f.line)} ${f.what}`);
  const imports: string[] = [];
  for (const ref of references) {
    if (!ref.specifier.startsWith('.')) {
      problems.push(`${where(ref.line)} imports package "${ref.specifier}"`);
      continue;
    }
    const target = resolveRelative(file, ref.specifier);
    if (target === undefined || !inAllowedRoot(target)) {
      problems.push(`${where(ref.line)} imports "${ref.specifier}" from outside src/core and src/lib`);
      continue;
    }
    imports.push(target);
  }
  return { problems, imports };
}

describe('the src/core boundary', () => {
  it('core files, and the lib files they reach, import only core and lib, and read no clock or host global', () => {
    const coreFiles = sourceFiles(join(ROOT, 'src', 'core'));
    expect(coreFiles.length).toBeGreaterThanOrEqual(10);
    const seen = new Set<string>();
    const queue = [...coreFiles];
    const problems: string[] = [];
    const libReached = new Set<string>();
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const result = checkFile(file, readFileSync(file, 'utf8'));
      problems.push(...result.problems);
      for (const target of result.imports) {
        if (target.startsWith(ALLOWED_ROOTS[1]!)) libReached.add(relative(ROOT, target));
        if (!isTestFile(target)) queue.push(target);
      }
    }
    expect(problems).toEqual([]);
    // The walk really followed imports into lib: book.ts keeps anomalies in a BoundedList.
    expect([...libReached]).toContain(join('src', 'lib', 'bounded-list.ts'));
  });

  it('every lib file follows the same rule, reached or not', () => {
    const problems = sourceFiles(join(ROOT, 'src', 'lib')).flatMap((f) => checkFile(f, readFileSync(f, 'utf8')).problems);
    expect(problems).toEqual([]);
  });
});

describe('the boundary check itself catches what it must', () => {
  const fixtureFile = join(ROOT, 'src', 'core', 'fixture.ts');
  const problemsIn = (text: string) => checkFile(fixtureFile, text).problems;

  it.each([
    ["import { z } from 'zod';", 'imports package "zod"'],
    ["import type { ReactNode } from 'react';", 'imports package "react"'],
    ["import { readFileSync } from 'node:fs';", 'imports package "node:fs"'],
    ["export { createStore } from 'zustand/vanilla';", 'imports package "zustand/vanilla"'],
    ["export * from '../protocol/schema';", 'imports "../protocol/schema" from outside'],
    ["import { decodeLine } from '../protocol/decode';", 'imports "../protocol/decode" from outside'],
    ["import '../server/side-effect';", 'imports "../server/side-effect" from outside'],
    ["const m = await import('../store/dashboard-store');", 'imports "../store/dashboard-store" from outside'],
    ['const m = await import(`../${name}`);', 'dynamic import() with a computed specifier'],
    ["type Z = import('zod').ZodType;", 'imports package "zod"'],
    ["import fs = require('fs');", 'imports package "fs"'],
    ['const t = Date.now();', 'Date.now reads the clock'],
    ['const read = Date.now;', 'Date.now reads the clock'],
    ['const d = new Date();', 'new Date() without arguments reads the clock'],
    ['const d = new Date;', 'new Date() without arguments reads the clock'],
    ['const s = Date();', 'Date() reads the clock'],
    ['const r = Math.random();', 'Math.random is unseeded randomness'],
    ['const t = performance.now();', 'uses the host global performance'],
    ['if (process.env.DEBUG) log();', 'uses the host global process'],
    ['const w = window.innerWidth;', 'uses the host global window'],
    ["document.title = 'x';", 'uses the host global document'],
    ['setTimeout(flush, 0);', 'uses the host global setTimeout'],
    ['const g = globalThis.crypto;', 'uses the host global globalThis'],
    ["const m = require('zod');", 'uses the host global require'],
  ])('%s', (source, expected) => {
    const problems = problemsIn(source);
    expect(problems.join('\n')).toContain(expected);
    expect(problems.every((p) => p.startsWith(join('src', 'core', 'fixture.ts:1 ')))).toBe(true);
  });

  it('allows what pure core code does, and ignores words in comments, strings and property names', () => {
    const clean = `
      import type { Order } from './order';
      import { BoundedList } from '../lib/bounded-list';
      export { isActive } from './status';
      // Date.now() and process.env would be wrong here; 'react' is only a word.
      /** @example staleOrders(book, Date.now(), 300) */
      const note = "window.document setTimeout(() => 0) new Date()";
      const iso = new Date(1763856000000).toISOString();
      const ms = Date.parse('2025-11-23T00:00:00Z') + Date.UTC(2025, 10, 23);
      const cfg = { process: 1, window: 2, document: 3 };
      const w = cfg.window + cfg.process;
    `;
    expect(problemsIn(clean)).toEqual([]);
  });
});
