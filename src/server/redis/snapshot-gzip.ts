import { once } from 'node:events';
import { constants, createGzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/**
 * Snapshots are stored gzipped. The book's JSON is tens of megabytes; Redis pays for every
 * byte of it (network read, AOF write, the AOF rewrite) once per snapshot interval, and a
 * restarting relay reads it all back. JSON of orders shrinks about tenfold at the fastest
 * level, and zlib does the work on libuv's thread pool, off the relay's event loop.
 */
export async function gzipChunks(chunks: Iterable<string>, onSerialized: () => void): Promise<Buffer> {
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  gzip.on('data', (piece: Buffer) => out.push(piece));
  const ended = once(gzip, 'end');
  try {
    // Waiting for 'drain' between pieces bounds what is queued and yields to the event loop.
    for (const chunk of chunks) if (!gzip.write(chunk)) await once(gzip, 'drain');
  } catch (error) {
    gzip.destroy();
    throw error;
  }
  onSerialized();
  gzip.end();
  await ended;
  return Buffer.concat(out);
}

/** A stored snapshot as text: gzipped (magic 1f 8b), or plain JSON as relays stored it before. */
export async function snapshotText(stored: Buffer): Promise<string> {
  if (stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b) return (await gunzipAsync(stored)).toString('utf8');
  return stored.toString('utf8');
}
