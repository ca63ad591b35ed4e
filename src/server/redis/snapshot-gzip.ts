import { once } from 'node:events';
import { constants, createGzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/**
 * Pieces (a block of 1,000 orders each, ~100 KB) taken between two yields to the event loop
 * while a snapshot is made: a block that must be encoded again takes a millisecond or two.
 */
const PIECES_PER_TURN = 4;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Snapshots are stored gzipped. The book's JSON is tens of megabytes; Redis pays for every
 * byte of it (network read, AOF write, the AOF rewrite) once per snapshot interval, and a
 * restarting relay reads it all back. JSON of orders shrinks about tenfold at the fastest
 * level, and zlib does the work on libuv's thread pool, off the relay's event loop.
 *
 * Every piece is taken first and `onSerialized` called before anything is compressed: the
 * caller holds its book still until then, and compressing tens of megabytes takes several
 * times longer than joining cached blocks, so the book no longer waits for zlib (it did while
 * pieces were pulled at zlib's pace, holding every stream's events back for as long).
 */
export async function gzipChunks(chunks: Iterable<string>, onSerialized: () => void): Promise<Buffer> {
  const pieces: string[] = [];
  for (const chunk of chunks) {
    pieces.push(chunk);
    if (pieces.length % PIECES_PER_TURN === 0) await turn();
  }
  onSerialized();
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const out: Buffer[] = [];
  gzip.on('data', (piece: Buffer) => out.push(piece));
  const ended = once(gzip, 'end');
  for (const piece of pieces) if (!gzip.write(piece)) await once(gzip, 'drain');
  gzip.end();
  await ended;
  return Buffer.concat(out);
}

/** A stored snapshot's bytes: gunzipped (magic 1f 8b), or as they are (plain JSON, as relays stored it before). */
export async function snapshotBytes(stored: Buffer): Promise<Buffer> {
  if (stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b) return gunzipAsync(stored);
  return stored;
}
