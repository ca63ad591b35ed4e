import { describe, expect, it } from 'vitest';
import { decodeLine } from './decode';
import { toNdjsonLine, toWire } from './encode';

describe('encode', () => {
  const event = {
    type: 'order_fill',
    client_order_id: 'a',
    ts: 1763856001500,
    seq: 3,
    engine: 'eng-1',
    filled_size: 0.004,
    filled_value: 400,
    fees: 1.6,
  } as const;

  it('writes ts as Unix epoch seconds, every field explicit', () => {
    expect(toWire(event)).toEqual({ ...event, ts: 1763856001.5 });
  });

  it('one line, newline-terminated, that decodes back to the same event', () => {
    const line = toNdjsonLine(event);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1).includes('\n')).toBe(false);
    expect(decodeLine(line.slice(0, -1))).toEqual({ ok: true, event });
  });

  it('milliseconds survive the trip through float seconds', () => {
    for (const ts of [1763856000001, 1763856000999, 1763856000123]) {
      const back = decodeLine(toNdjsonLine({ ...event, ts }).trim());
      expect(back.ok && back.event.ts).toBe(ts);
    }
  });
});
