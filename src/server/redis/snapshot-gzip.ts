import { constants, gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { SnapshotLine } from './snapshot-codec';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);
const FASTEST = { level: constants.Z_BEST_SPEED };

/**
 * Lines (a block of about 1,000 orders each, ~100 KB) taken between two yields to the event
 * loop while a snapshot is made: a block that must be encoded again takes a millisecond or two.
 */
const LINES_PER_TURN = 4;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Snapshots are stored gzipped. The book's JSON is megabytes; Redis pays for every byte of it
 * (network read, AOF write, the AOF rewrite) once per snapshot interval, and a restarting relay
 * reads it all back. zlib does the work at its fastest level on libuv's thread pool, off the
 * relay's event loop.
 *
 * Each line is compressed on its own and the results joined: a gzip file may hold several
 * members one after the other, and gunzip reads them as one text. A block line that did not
 * change since the last snapshot keeps its compressed form (`gz`), so a snapshot compresses only
 * what changed.
 *
 * Every line is taken first and `onSerialized` called before anything is compressed: the caller
 * holds its book still until then, and need not wait for zlib.
 */
export async function gzipLines(lines: Iterable<SnapshotLine>, onSerialized: () => void): Promise<Buffer> {
  const taken: SnapshotLine[] = [];
  for (const line of lines) {
    taken.push(line);
    if (taken.length % LINES_PER_TURN === 0) await turn();
  }
  onSerialized();
  const members: Buffer[] = [];
  for (const line of taken) {
    line.gz ??= await gzipAsync(`${line.json}\n`, FASTEST);
    members.push(line.gz);
  }
  return Buffer.concat(members);
}

/** A stored snapshot's bytes: gunzipped (magic 1f 8b), or as they are (plain JSON, as relays stored it before). */
export async function snapshotBytes(stored: Buffer): Promise<Buffer> {
  if (stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b) return gunzipAsync(stored);
  return stored;
}
