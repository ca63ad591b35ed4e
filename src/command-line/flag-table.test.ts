import { describe, expect, it } from 'vitest';
import type { FlagTable } from './flag-table';
import { formatUsage, readFlags } from './flag-table';

/** Records every application in order, so precedence is visible. */
type Seen = { log: string[] };
const record =
  (name: string) =>
  (into: Seen, text: string | undefined, from: string): void =>
    void into.log.push(`${name}=${text ?? '(switch)'} from ${from}`);

const TABLE: FlagTable<Seen> = [
  { flag: '--size', value: 'N', env: 'SIZE', help: 'how many', apply: record('size') },
  { flag: '--quiet', env: 'QUIET=1', help: 'say less', apply: record('quiet') },
  { flag: '--tag', value: 'T', env: 'TAGS', multiple: true, help: 'a tag (repeatable)', apply: record('tag') },
  { flag: '--file', value: 'F', env: 'FILE', first: true, help: 'settings file', apply: record('file') },
  { env: 'SECRET', help: 'a token', group: 'From the environment only:', apply: record('secret') },
  { flag: '--help', short: 'h', help: 'this text', apply: () => undefined },
];

const read = (argv: string[], env: Record<string, string> = {}, positionals = false) => {
  const seen: Seen = { log: [] };
  const result = readFlags(TABLE, argv, env, seen, { positionals });
  return { ...result, log: seen.log };
};

describe('readFlags', () => {
  it('applies the first-read settings, then the environment, then the flags in order: the last word wins', () => {
    const { log } = read(['--size', '3', '--tag=a', '--quiet', '--file', 'f.json', '--tag', 'b', '--size=4'], {
      SIZE: '1',
      FILE: 'ignored.json',
      SECRET: 's',
      QUIET: '',
    });
    expect(log).toEqual([
      'file=f.json from --file',
      'size=1 from SIZE',
      'secret=s from SECRET',
      'size=3 from --size',
      'tag=a from --tag',
      'quiet=(switch) from --quiet',
      'tag=b from --tag',
      'size=4 from --size',
    ]);
    expect(read([], { FILE: 'env.json' }).log).toEqual(['file=env.json from FILE']);
  });

  it('-h or --help anywhere asks for help, whatever else is wrong', () => {
    for (const argv of [['--help'], ['-h'], ['--size', '-h'], ['--nonsense', '--help']]) expect(read(argv).help).toBe(true);
  });

  it.each([
    [['--colour', 'red'], 'unknown argument --colour (see --help)'],
    [['--colour=red'], 'unknown argument --colour (see --help)'],
    [['--size'], '--size needs a value'],
    [['--size', '-1'], '--size needs a value (one starting with "-" is written --size=-1)'],
    [['--quiet=1'], '--quiet takes no value'],
    [['stray'], 'unexpected argument stray (see --help)'],
  ])('%j → %s', (argv, message) => {
    expect(() => read(argv)).toThrow(message);
  });

  it('takes positionals when asked to, a negative value written with =', () => {
    expect(read(['a.ndjson', '--size=-1'], {}, true)).toMatchObject({ positionals: ['a.ndjson'], log: ['size=-1 from --size'] });
  });
});

describe('formatUsage', () => {
  it('lines up flag, variable and meaning, wraps the meaning, lists groups after the rest', () => {
    const usage = formatUsage('usage: tool [flags]', TABLE, 'bye', 60);
    expect(usage.split('\n')).toEqual([
      'usage: tool [flags]',
      '',
      '  --size N    SIZE     how many',
      '  --quiet     QUIET=1  say less',
      '  --tag T     TAGS     a tag (repeatable)',
      '  --file F    FILE     settings file',
      '  -h, --help           this text',
      '',
      '  From the environment only:',
      '              SECRET   a token',
      '',
      'bye',
    ]);
    const long = formatUsage('u', [{ flag: '--x', help: 'word '.repeat(20).trim(), apply: () => undefined }], '', 40);
    expect(long.split('\n').slice(2)).toEqual([
      '  --x    word word word word word word',
      '         word word word word word word',
      '         word word word word word word',
      '         word word',
    ]);
  });
});
