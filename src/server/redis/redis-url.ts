/** `--store redis://HOST:PORT[/DB]` (also `rediss://` and `redis://:password@host`), checked early. */
export interface RedisTarget {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
}

/** Parses the store URL; a clear error for the command line instead of a connect loop later. */
export function parseRedisUrl(text: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`--store: not a URL: ${text} (want redis://HOST:PORT[/DB])`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new RangeError(`--store: unsupported scheme ${url.protocol} (want redis://HOST:PORT[/DB])`);
  }
  if (url.hostname === '') throw new RangeError(`--store: missing host in ${text}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0 || db > 15 || !/^\d*$/.test(path)) {
    throw new RangeError(`--store: database must be 0–15, got /${path}`);
  }
  return { url: text, host: url.hostname, port, db };
}
