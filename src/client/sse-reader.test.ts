import type { EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { readSse } from './sse-reader';

function bodyOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

/** The text's UTF-8 bytes cut every `size` bytes, so multi-byte characters straddle chunks. */
function cut(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

async function read(chunks: readonly Uint8Array[]): Promise<EventSourceMessage[]> {
  const got: EventSourceMessage[] = [];
  await readSse(bodyOf(chunks), (m) => got.push(m));
  return got;
}

describe('readSse', () => {
  it('reassembles a long data line sent in many chunks without line breaks, multi-byte characters cut apart', async () => {
    const big = `{"symbol":"€uro—✓","pad":"${'x'.repeat(50_000)}"}`;
    const text = `id: 7\nevent: snapshot\ndata: ${big}\n\nevent: heartbeat\ndata: {"now":1}\n\n`;
    for (const size of [7, 4096]) {
      const got = await read(cut(text, size));
      expect(got.map((m) => m.event)).toEqual(['snapshot', 'heartbeat']);
      expect(got[0]!.data).toBe(big);
      expect(got[0]!.id).toBe('7');
    }
  });

  it('reads CRLF and CR line ends too', async () => {
    // (A CR as the very last byte of a stream stays pending in the parser: a comment line follows.)
    const got = await read(cut('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r: end\n', 3));
    expect(got.map((m) => [m.event, m.data])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});
