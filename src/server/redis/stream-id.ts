/**
 * Redis stream entry ids (`<ms>-<seq>`), which this mode uses as SSE event ids. They are
 * compared numerically: as strings, `999-0` would sort after `1000-0`.
 */
export interface StreamId {
  readonly ms: number;
  readonly seq: number;
}

const ID = /^(\d{1,16})-(\d{1,16})$/;

/** The id before every entry: reading "after" it reads a stream from its start. */
export const ZERO_ID = '0-0';

/** Parses an entry id; anything else (an old numeric rseq, garbage) is undefined. */
export function parseStreamId(text: string): StreamId | undefined {
  const match = ID.exec(text.trim());
  if (match === null) return undefined;
  const ms = Number(match[1]);
  const seq = Number(match[2]);
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(seq)) return undefined;
  return { ms, seq };
}

/** Negative, zero or positive like a sort comparator. Both must be valid ids. */
export function compareStreamIds(a: string, b: string): number {
  const x = parseStreamId(a);
  const y = parseStreamId(b);
  if (x === undefined || y === undefined) throw new RangeError(`not stream ids: ${a}, ${b}`);
  return x.ms - y.ms || x.seq - y.seq;
}

/** The smallest id after `id`: used to place a new day's first entry after the old day's last. */
export function nextStreamId(id: string): string {
  const parsed = parseStreamId(id);
  if (parsed === undefined) throw new RangeError(`not a stream id: ${id}`);
  return `${parsed.ms}-${parsed.seq + 1}`;
}

/**
 * Where one event stands in the stream: its entry and its place in that entry (one entry holds
 * one ingest batch). As an SSE id it is the bare entry id for an entry's last event and
 * `<entry id>:<k>` (k from 0) for the others, so a message that ends with an entry, as live
 * messages always do, carries a plain entry id. A bare entry id means "all of that entry".
 */
export interface EventPosition extends StreamId {
  /** The entry's own id. */
  readonly entry: string;
  /** Index in the entry; +Infinity for a bare entry id (its last event). */
  readonly k: number;
}

const POSITION = /^(\d{1,16}-\d{1,16})(?::(\d{1,9}))?$/;

/** Parses an entry id or `<entry id>:<k>`; anything else is undefined. */
export function parseEventPosition(text: string): EventPosition | undefined {
  const match = POSITION.exec(text.trim());
  if (match === null) return undefined;
  const entry = match[1]!;
  const id = parseStreamId(entry);
  if (id === undefined) return undefined;
  return { ...id, entry, k: match[2] === undefined ? Number.POSITIVE_INFINITY : Number(match[2]) };
}

/** Event `k`'s place in an entry of `count` events, as kept with it: k, or −1 for the last (named by the bare entry id). */
export function placeInEntry(k: number, count: number): number {
  return k === count - 1 ? -1 : k;
}

/** The SSE id of the event at `place` (see `placeInEntry`) of `entry`. */
export function idAtPlace(entry: string, place: number): string {
  return place < 0 ? entry : `${entry}:${place}`;
}

/** Negative, zero or positive like a sort comparator. */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  return a.ms - b.ms || a.seq - b.seq || (a.k === b.k ? 0 : a.k < b.k ? -1 : 1);
}
