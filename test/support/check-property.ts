import fc from 'fast-check';

/** FC_SEED=123 replays a failing run; otherwise a fresh seed each run, always printed on failure. */
function seedFromEnv(): number | undefined {
  const raw = process.env.FC_SEED;
  if (raw === undefined || raw === '') return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${raw}`);
  return seed;
}

/**
 * fc.assert with the seed chosen here so it can be named up front: the failure message starts
 * with the command that reproduces it, before fast-check's own counterexample and path.
 */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const seed = params.seed ?? seedFromEnv() ?? Math.floor(Math.random() * 0x7fffffff);
  try {
    fc.assert(property, { ...params, seed });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`property failed with seed ${seed} (rerun: FC_SEED=${seed} npx vitest run <file>)\n${detail}`, { cause: error });
  }
}
