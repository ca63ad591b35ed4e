import type { OrderEvent } from '../core/events';

/** Wire v1 form of an event: `ts` as Unix epoch seconds, every field explicit. */
export function toWire(event: OrderEvent): Record<string, unknown> {
  // The builders never set engine_ts, so the common spread has no such key to drop.
  if (event.engine_ts === undefined) return { ...event, ts: event.ts / 1000 };
  return { ...event, ts: event.ts / 1000, engine_ts: event.engine_ts / 1000 };
}

export function toNdjsonLine(event: OrderEvent): string {
  return `${JSON.stringify(toWire(event))}\n`;
}
