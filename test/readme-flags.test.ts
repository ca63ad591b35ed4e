import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRelayArgs, RELAY_USAGE } from '../src/server/relay-args';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** `| `--flag V` | `ENV` | default | meaning |` rows of the README's configuration tables. */
const rows = [...README.matchAll(/^\| `(--[a-z-]+)[^`]*` \| `([A-Z_]+)(?:=[^`]*)?` \|/gm)].map((m) => ({ flag: m[1]!, env: m[2]! }));
const usageFlags = [...RELAY_USAGE.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => f !== '--help');

describe('the README documents every relay flag', () => {
  it('has one row per flag of --help, and no row for a flag the relay does not take', () => {
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.flag).sort()).toEqual([...usageFlags].sort());
  });

  it('names the same environment variable as --help for each flag', () => {
    for (const { flag, env } of rows) {
      const line = RELAY_USAGE.split('\n').find((l) => l.trimStart().startsWith(`${flag} `) || l.trim() === flag);
      expect(line, flag).toContain(env);
    }
  });

  it('every documented flag is one the parser accepts', () => {
    for (const { flag } of rows) {
      // Whether '1' suits the flag is not the point: only the flag itself being unknown fails here.
      try {
        parseRelayArgs([`${flag}=1`], {});
      } catch (error) {
        expect(String(error), flag).not.toContain(`unknown argument ${flag}`);
      }
    }
  });
});
