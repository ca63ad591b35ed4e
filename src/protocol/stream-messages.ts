import type { OrderEvent } from '../core/events';
import { decodeEvent } from './decode';

/*
 * The stream's own messages (docs/protocol.md): `events` and `heartbeat`, each encoder beside its
 * decoder. The snapshot's messages are in snapshot-messages.ts, the alerts' in alert-messages.ts.
 * The relay writes; the dashboard reads, and anything unreadable is a counted value, never a throw.
 */

/**
 * Bytes an SSE message of the stream holds at most (a single event bigger than this, which the
 * wire's field limits rule out, still goes alone): a browser parses each message in one go, and
 * a relay queues whole messages, so no tick, catch-up page or snapshot block may make a huge one.
 */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** A comment line: flushes the response headers at once without being a message. */
export const HELLO = ': orderwatch relay\n\n';

/** One accepted event as the relay streams it, decoded. */
export interface StreamItem {
  readonly rseq: number;
  /** Relay arrival time, epoch ms. */
  readonly at: number;
  readonly event: OrderEvent;
}

/** One accepted event as the relay holds it: the event as its wire JSON, and, in a cluster, its Redis entry id. */
export interface EncodedItem {
  readonly rseq: number;
  readonly at: number;
  /** The event's wire v1 JSON text. */
  readonly event: string;
  /** The resume id when it is not the rseq (a Redis Streams entry id). */
  readonly id?: string | undefined;
}

/** One `events` message; `items` must be non-empty and in rseq order. JSON never holds a raw newline. */
export function eventsMessage(items: readonly EncodedItem[]): string {
  let data = '[';
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    data += `${i === 0 ? '' : ','}{"rseq":${item.rseq},"at":${item.at},"event":${item.event}}`;
  }
  const last = items[items.length - 1]!;
  return `id: ${last.id ?? last.rseq}\nevent: events\ndata: ${data}]\n\n`;
}

export interface Heartbeat {
  readonly now: number;
  readonly rseq: number;
  readonly logId: string | null;
  /** The relay lost its event store: what it shows may be behind. */
  readonly degraded: boolean;
}

/** `degraded`: the relay lost its store (Redis), so dashboards must show a stale feed. */
export function heartbeatMessage(now: number, rseq: number, logId: string, degraded = false): string {
  return `event: heartbeat\ndata: {"now":${now},"rseq":${rseq},"log_id":${JSON.stringify(logId)}${degraded ? ',"degraded":true' : ''}}\n\n`;
}

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

export function parseHeartbeat(data: string): Heartbeat | null {
  const v = parseJson(data);
  if (!isRecord(v) || !num(v.now) || !num(v.rseq)) return null;
  return { now: v.now, rseq: v.rseq, logId: str(v.log_id) ? v.log_id : null, degraded: v.degraded === true };
}

/** One numbered entry of an `events` message; `item` is null when its event could not be read. */
export interface EventEntry {
  readonly rseq: number;
  readonly item: StreamItem | null;
}

export interface ParsedEvents {
  readonly entries: EventEntry[];
  /** Entries that were unreadable, numbered or not. */
  readonly bad: number;
}

/** Decodes `event: events` data; each inner event goes through the wire-format decoder. */
export function parseEvents(data: string): ParsedEvents | null {
  const v = parseJson(data);
  if (!Array.isArray(v)) return null;
  const entries: EventEntry[] = [];
  let bad = 0;
  for (const raw of v) {
    if (!isRecord(raw) || !num(raw.rseq)) {
      bad++;
      continue;
    }
    const decoded = decodeEvent(raw.event);
    if (!decoded.ok) bad++;
    const item = decoded.ok ? { rseq: raw.rseq, at: num(raw.at) ? raw.at : decoded.event.ts, event: decoded.event } : null;
    entries.push({ rseq: raw.rseq, item });
  }
  return { entries, bad };
}
