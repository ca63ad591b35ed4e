/** A file or directory the bundle is made from, with its modification time (a directory's changes when an entry is added or removed). */
export interface SourceTime {
  readonly path: string;
  readonly mtimeMs: number;
}

export interface BuiltBundle {
  /** When the bundle in dist/ was made from its sources: the start of that build when known, else when its index.html was written. */
  readonly builtAtMs: number;
  /** dist/ holds the browser tests' build (debug hook on), which `npm start` must never serve. */
  readonly testBuild: boolean;
}

export type BuildDecision = { readonly build: false } | { readonly build: true; readonly reason: string };

/**
 * Whether `npm start` must rebuild the bundle: when there is none, when it is the tests' build, or
 * when any source changed at or after the moment it was built from them (equal times rebuild:
 * some file systems count whole seconds, and a needless build costs seconds, a stale page hours).
 *
 * @example bundleStaleness({ builtAtMs: 2000, testBuild: false }, [{ path: 'index.html', mtimeMs: 1000 }]) // { build: false }
 */
export function bundleStaleness(bundle: BuiltBundle | undefined, sources: readonly SourceTime[]): BuildDecision {
  if (bundle === undefined) return { build: true, reason: 'no bundle in dist/' };
  if (bundle.testBuild) return { build: true, reason: 'dist/ holds the browser tests’ build' };
  let newest: SourceTime | undefined;
  for (const source of sources) if (newest === undefined || source.mtimeMs > newest.mtimeMs) newest = source;
  if (newest !== undefined && newest.mtimeMs >= bundle.builtAtMs)
    return { build: true, reason: `${newest.path} changed since the last build` };
  return { build: false };
}
