import { parseArgs } from 'node:util';

/*
 * Command lines from one table: node:util's parseArgs reads argv, the same table fills in the
 * environment and prints --help, so a flag cannot be parsed without being documented, nor
 * documented under another variable than the one read.
 */

/** One flag; `T` is whatever the caller collects the settings into. */
export interface Flag<T> {
  /** '--port'; absent for a setting read only from the environment (a secret). */
  readonly flag?: string;
  /** A one-letter alias ('h' for -h). */
  readonly short?: string;
  /** What its value is called in --help ('N', 'BYTES'); absent for a switch. */
  readonly value?: string;
  /** May be given more than once; each one is applied. */
  readonly multiple?: boolean;
  /** The environment variable as --help shows it ('PORT', 'SIM=0'): the name is what precedes '='. */
  readonly env?: string;
  readonly help: string;
  /** The heading it is listed under in --help; flags without one come first. */
  readonly group?: string;
  /** Read before every other flag and variable, which then win over what it set (a settings file). */
  readonly first?: boolean;
  /** Applies one value: the flag's text (undefined for a switch) or the variable's; `from` names which, for errors. */
  readonly apply: (into: T, text: string | undefined, from: string) => void;
}

export type FlagTable<T> = readonly Flag<T>[];

export interface ReadFlags {
  /** -h or --help was given (anywhere: nothing else is checked then). */
  readonly help: boolean;
  readonly positionals: readonly string[];
}

const envName = (flag: { env?: string }): string | undefined => flag.env?.split('=')[0];

/**
 * Applies the environment, then the flags in the order given (flags win); throws an Error naming the
 * flag on anything parseArgs refuses: an unknown flag, a missing value, a value given to a switch.
 */
export function readFlags<T>(
  table: FlagTable<T>,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  into: T,
  { positionals = false }: { positionals?: boolean } = {},
): ReadFlags {
  const help = table.find((f) => f.flag === '--help');
  if (help && argv.some((a) => a === help.flag || (help.short !== undefined && a === `-${help.short}`)))
    return { help: true, positionals: [] };
  const flags = table.filter((f): f is Flag<T> & { flag: string } => f.flag !== undefined);
  const byName = new Map(flags.map((f) => [f.flag.slice(2), f]));
  let tokens;
  try {
    ({ tokens } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        flags.map((f) => [
          f.flag.slice(2),
          { type: f.value === undefined ? 'boolean' : 'string', multiple: f.multiple === true, ...(f.short ? { short: f.short } : {}) },
        ]),
      ),
      strict: true,
      allowPositionals: positionals,
      tokens: true,
    }));
  } catch (error) {
    throw new Error(explain(table, argv, error), { cause: error });
  }
  const given = (f: Flag<T>) => tokens.filter((t) => t.kind === 'option' && byName.get(t.name) === f);
  const fromEnv = (f: Flag<T>): void => {
    const name = envName(f);
    const text = name === undefined ? undefined : env[name];
    if (text !== undefined && text !== '') f.apply(into, text, name!);
  };
  for (const f of table.filter((f) => f.first)) {
    const seen = given(f);
    if (seen.length === 0) fromEnv(f);
    for (const t of seen) if (t.kind === 'option') f.apply(into, t.value, f.flag!);
  }
  for (const f of table) if (!f.first) fromEnv(f);
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const f = byName.get(t.name)!;
    if (!f.first) f.apply(into, t.value, f.flag);
  }
  return { help: false, positionals: tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : [])) };
}

/** parseArgs says what went wrong in its own words; this names the argument the way --help does. */
function explain<T>(table: FlagTable<T>, argv: readonly string[], error: unknown): string {
  const code = (error as { code?: string }).code;
  const known = (name: string) => table.find((f) => f.flag === name || (f.short !== undefined && name === `-${f.short}`));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${arg} (see --help)`;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const f = known(name);
    if (f === undefined) return `unknown argument ${name} (see --help)`;
    if (f.value === undefined && eq !== -1) return `${name} takes no value`;
    if (f.value !== undefined && eq === -1) {
      const next = argv[i + 1];
      if (next === undefined) return `${name} needs a value`;
      if (next.startsWith('-')) return `${name} needs a value (one starting with "-" is written ${name}=${next})`;
      i++;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** --help: `head`, one line per flag (flag, variable, meaning wrapped to `width`), grouped, then `tail`. */
export function formatUsage<T>(head: string, table: FlagTable<T>, tail = '', width = 100): string {
  const left = (f: Flag<T>) => (f.flag === undefined ? '' : `${f.short ? `-${f.short}, ` : ''}${f.flag}${f.value ? ` ${f.value}` : ''}`);
  const flagWidth = Math.max(...table.map((f) => left(f).length));
  const envWidth = Math.max(...table.map((f) => f.env?.length ?? 0));
  const indent = 2 + flagWidth + 2 + envWidth + 2;
  const lines: string[] = [head, ''];
  const named = [...new Set(table.flatMap((f) => (f.group === undefined ? [] : [f.group])))];
  for (const group of [undefined, ...named]) {
    if (group !== undefined) lines.push('', `  ${group}`);
    for (const f of table.filter((x) => x.group === group)) {
      const [first = '', ...rest] = wrap(f.help, Math.max(30, width - indent));
      lines.push(`  ${left(f).padEnd(flagWidth)}  ${(f.env ?? '').padEnd(envWidth)}  ${first}`.trimEnd());
      for (const line of rest) lines.push(`${' '.repeat(indent)}${line}`);
    }
  }
  return tail === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${tail}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
