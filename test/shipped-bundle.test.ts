import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

describe('the production build (what npm start serves)', () => {
  const out = mkdtempSync(join(tmpdir(), 'orderwatch-prod-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('carries no window.__orderwatch: the debug hook is only in the builds made for tests and benchmarks', () => {
    const env = { ...process.env };
    delete env.VITE_DEBUG_HOOK;
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
      timeout: 240_000,
    });
    const scripts = readdirSync(join(out, 'assets')).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) expect(readFileSync(join(out, 'assets', name), 'utf8'), name).not.toContain('__orderwatch');
    // The same build with the hook asked for does carry it, so the check above can fail.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', out, '--emptyOutDir'], {
      cwd: ROOT,
      env: { ...env, VITE_DEBUG_HOOK: '1' },
      stdio: 'pipe',
      timeout: 240_000,
    });
    const withHook = readdirSync(join(out, 'assets')).filter((name) => name.endsWith('.js'));
    expect(withHook.some((name) => readFileSync(join(out, 'assets', name), 'utf8').includes('__orderwatch'))).toBe(true);
  }, 300_000);
});
