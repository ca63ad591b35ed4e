import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRelay } from '../src/server/relay';
import { created, moved, T0 } from './support/event-builders';
import { ndjson, postEvents } from './support/relay-post';

const DOCS = resolve(import.meta.dirname, '../docs');
const RULES = join(DOCS, 'alertmanager-rules.yml');

/** promtool from Debian's prometheus package (.ci/run installs it): a missing one fails the test, never skips it. */
function promtool(...args: string[]): string {
  return execFileSync('promtool', args, { cwd: DOCS, encoding: 'utf8', timeout: 60_000 });
}

describe('the example Alertmanager rules (docs/alertmanager-rules.yml)', () => {
  it('pass promtool check rules and the unit tests beside them', () => {
    expect(promtool('check', 'rules', RULES)).toContain('SUCCESS: 5 rules found');
    expect(promtool('test', 'rules', 'alertmanager-rules.test.yml')).toContain('SUCCESS');
  });

  it('name only metrics a real relay exports, so they cannot drift from /metrics', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orderwatch-promtool-'));
    let now = T0;
    const relay = await startRelay({ port: 0, sim: false, logLevel: 'silent', dataDir, now: () => now, alertEvalMs: 3_600_000 });
    try {
      await postEvents(relay.url, ndjson([created('a', { engine: 'desk-a', ts: T0 }), moved('a', 'OPEN', { engine: 'desk-a', ts: T0 })]));
      now = T0 + 120_000;
      relay.alerts.service.tick();
      const exported = new Set([...(await (await fetch(`${relay.url}/metrics`)).text()).matchAll(/^([a-z_]+)[{ ]/gm)].map((m) => m[1]!));
      const used = [...readFileSync(RULES, 'utf8').matchAll(/\b(orderwatch_[a-z_]+)/g)].map((m) => m[1]!);
      expect(used.length).toBeGreaterThan(3);
      expect(used.filter((name) => !exported.has(name))).toEqual([]);
    } finally {
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
