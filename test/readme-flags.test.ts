import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELAY_FLAGS, RELAY_USAGE } from '../src/server/relay-args';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** `| `--flag V` | `ENV` | default | meaning |` rows of the README's configuration tables. */
const rows = [...README.matchAll(/^\| `(--[a-z-]+)[^`]*` \| `([A-Z_]+)(?:=[^`]*)?` \|/gm)].map((m) => ({ flag: m[1]!, env: m[2]! }));
/** `| `SECRET` | meaning |` rows: the settings read from the environment only. */
const secretRows = [...README.matchAll(/^\| `([A-Z_]+_TOKEN)` \| /gm)].map((m) => m[1]!);
const envName = (env: string | undefined) => env?.split('=')[0];

describe('the README documents every relay setting of the flag table', () => {
  it('has one row per flag, and no row for a flag the relay does not take', () => {
    const flags = RELAY_FLAGS.flatMap((f) => (f.flag === undefined || f.flag === '--help' ? [] : [f.flag]));
    expect(flags.length).toBeGreaterThan(40);
    expect(rows.map((r) => r.flag).sort()).toEqual(flags.sort());
  });

  it('names the variable the relay reads for each flag', () => {
    for (const { flag, env } of rows) expect(envName(RELAY_FLAGS.find((f) => f.flag === flag)?.env), flag).toBe(env);
  });

  it('lists every environment-only setting', () => {
    const secrets = RELAY_FLAGS.flatMap((f) => (f.flag === undefined ? [envName(f.env)!] : []));
    expect(secretRows.sort()).toEqual(secrets.sort());
  });

  it('--help shows every flag with its variable', () => {
    for (const f of RELAY_FLAGS) {
      const line = RELAY_USAGE.split('\n').find((l) => (f.flag === undefined ? l.trim().startsWith(f.env!) : l.includes(` ${f.flag}`)));
      expect(line, f.flag ?? f.env).toBeDefined();
      if (f.env !== undefined) expect(line).toContain(f.env);
    }
  });
});
