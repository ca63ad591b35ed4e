import type { OrderEvent } from '../core/events';

/** Wire v1 form of an event: `ts` as Unix epoch seconds, every field explicit. */
export function toWire(event: OrderEvent): Record<string, unknown> {
  return { ...event, ts: event.ts / 1000 };
}

export function toNdjsonLine(event: OrderEvent): string {
  return `${JSON.stringify(toWire(event))}\n`;
}
