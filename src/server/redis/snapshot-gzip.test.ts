import { gunzipSync } from 'node:zlib';
import type { SnapshotLine } from './snapshot-codec';
import { gzipLines, snapshotBytes } from './snapshot-gzip';

describe('snapshot compression', () => {
  const order = (i: number): string =>
    JSON.stringify({ client_order_id: `o-${i}`, status: 'FILLED', symbol: 'BTC-USD', filled_value: i * 1.5 });
  const makeLines = (): SnapshotLine[] =>
    Array.from({ length: 40 }, (_, b) => ({ json: `[${Array.from({ length: 50 }, (_, i) => order(b * 50 + i)).join(',')}]` }));
  const text = (lines: readonly SnapshotLine[]): string => lines.map((line) => `${line.json}\n`).join('');

  it('stores the lines gzipped, much smaller, and reads them back exactly', async () => {
    const lines = makeLines();
    const stored = await gzipLines(lines, () => undefined);
    expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
    expect(stored.length).toBeLessThan(text(lines).length / 4);
    expect((await snapshotBytes(stored)).toString('utf8')).toBe(text(lines));
  });

  it('compresses a line once: a line kept from the last snapshot brings its gzip along', async () => {
    const lines = makeLines();
    await gzipLines(lines, () => undefined);
    const kept = lines[7]!;
    // Were it compressed again, this stale text would be what comes back.
    const again = [...lines.slice(0, 7), { ...kept, json: 'changed, but not compressed again' }, ...lines.slice(8)];
    expect(gunzipSync(await gzipLines(again, () => undefined)).toString('utf8')).toBe(text(lines));
  });

  it('reads a snapshot stored as plain JSON (by a relay before compression)', async () => {
    expect((await snapshotBytes(Buffer.from('{"v":1}'))).toString('utf8')).toBe('{"v":1}');
  });

  it('lets the book move only once every line was taken', async () => {
    const lines = makeLines();
    const taken: number[] = [];
    let serializedAt = -1;
    function* each(): Generator<SnapshotLine> {
      for (let i = 0; i < lines.length; i++) {
        taken.push(i);
        yield lines[i]!;
      }
    }
    await gzipLines(each(), () => (serializedAt = taken.length));
    expect(serializedAt).toBe(lines.length);
  });
});
