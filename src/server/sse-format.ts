import type { LogItem } from './event-log';

const encoder = new TextEncoder();

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One `events` message; `items` must be non-empty and in rseq order. JSON never holds a raw newline. */
export function eventsMessage(items: readonly LogItem[]): string {
  let data = '[';
  for (let i = 0; i < items.length; i++) data += (i === 0 ? '' : ',') + items[i]!.json;
  return `id: ${items[items.length - 1]!.rseq}\nevent: events\ndata: ${data}]\n\n`;
}

export function heartbeatMessage(now: number, rseq: number): string {
  return `event: heartbeat\ndata: {"now":${now},"rseq":${rseq}}\n\n`;
}

/** A comment line: flushes the response headers at once without being a message. */
export const HELLO = ': orderwatch relay\n\n';
