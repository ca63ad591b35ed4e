import { decodeEvent } from '../protocol/decode';
import type { StreamItem } from '../store/dashboard-store';

export interface Heartbeat {
  readonly now: number;
  readonly rseq: number;
  readonly logId: string | null;
  /** The relay lost its event store: what it shows may be behind. */
  readonly degraded: boolean;
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
