import type { LogItem } from './event-log';

const encoder = new TextEncoder();

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One `events` message; `items` must be non-empty and in rseq order. JSON never holds a raw newline. */
export function eventsMessage(items: readonly LogItem[]): string {
  let data = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    data += `${i === 0 ? '' : ','}{"rseq":${item.rseq},"at":${item.at},"event":${item.event}}`;
  }
  const last = items[items.length - 1]!;
  return `id: ${last.id ?? last.rseq}\nevent: events\ndata: ${data}]\n\n`;
}

/** `degraded`: the relay lost its store (Redis), so dashboards must show a stale feed. */
export function heartbeatMessage(now: number, rseq: number, logId: string, degraded = false): string {
  return `event: heartbeat\ndata: {"now":${now},"rseq":${rseq},"log_id":${JSON.stringify(logId)}${degraded ? ',"degraded":true' : ''}}\n\n`;
}

/** A comment line: flushes the response headers at once without being a message. */
export const HELLO = ': orderwatch relay\n\n';
