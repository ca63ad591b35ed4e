import { gzipChunks, snapshotBytes } from './snapshot-gzip';

describe('snapshot compression', () => {
  const order = (i: number): string => JSON.stringify({ client_order_id: `o-${i}`, status: 'FILLED', symbol: 'BTC-USD', filled_value: i * 1.5 });
  const chunks = ['{"orders":[', ...Array.from({ length: 2_000 }, (_, i) => `${i === 0 ? '' : ','}${order(i)}`), ']}'];
  const text = chunks.join('');

  it('stores the JSON gzipped, much smaller, and reads it back exactly', async () => {
    const stored = await gzipChunks(chunks, () => undefined);
    expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
    expect(stored.length).toBeLessThan(text.length / 4);
    expect((await snapshotBytes(stored)).toString('utf8')).toBe(text);
  });

  it('reads a snapshot stored as plain JSON (by a relay before compression)', async () => {
    expect((await snapshotBytes(Buffer.from(text))).toString('utf8')).toBe(text);
  });

  it('lets the book move only once every piece was taken', async () => {
    const taken: number[] = [];
    let serializedAt = -1;
    function* pieces(): Generator<string> {
      for (let i = 0; i < chunks.length; i++) {
        taken.push(i);
        yield chunks[i]!;
      }
    }
    await gzipChunks(pieces(), () => (serializedAt = taken.length));
    expect(serializedAt).toBe(chunks.length);
  });
});
