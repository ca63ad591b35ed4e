import type { OrderEvent } from '../../core/events';
import type { AppendResult } from './append-script';
import type { RawEntry, StoredEvent, StreamEntry } from './stream-entry';
import { BATCH_FIELD, joinInParts, PARTS_FIELD } from './entry-parts';
import { placeInEntry } from './stream-id';

/** One batch this relay is appending, or appended and has not read back yet. */
export interface OwnEntry {
  readonly at: number;
  readonly events: readonly OrderEvent[];
  readonly payloads: readonly string[];
  /** The payloads joined as the entry holds them (`joinInParts`). */
  readonly parts: readonly string[];
  id?: string;
}

/**
 * The batches this relay appended, kept as it decoded them until its own reader reaches them.
 * Every relay reads every entry back and runs the full wire decode on it, because anything can
 * write to Redis. An entry whose text is exactly what this relay just sent (same arrival time,
 * same payloads, byte for byte) holds events it decoded and encoded itself: reading it back
 * needs neither JSON.parse nor the decode, a third of the cluster's read-back work with three
 * relays. Matched by content, not by id, because the reader often gets the entry before the
 * append's reply. A batch with duplicates dropped does not match and is read as any other.
 */
export class OwnEntries {
  private readonly entries = new Set<OwnEntry>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Before the append: `payloads[k]` is `events[k]` as sent. */
  begin(at: number, events: readonly OrderEvent[], payloads: readonly string[]): OwnEntry {
    const entry: OwnEntry = { at, events, payloads, parts: joinInParts(payloads) };
    this.entries.add(entry);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.values().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return entry;
  }

  /** After the append: keeps the entry only while it may still be read back as sent. */
  settled(entry: OwnEntry, result: AppendResult | undefined, alreadyRead: (id: string) => boolean): void {
    if (!this.entries.has(entry)) return;
    if (result?.id === undefined || result.dropped.length > 0 || alreadyRead(result.id)) this.entries.delete(entry);
    else entry.id = result.id;
  }

  /** The entry as the full read would give it, when it is one this relay sent; forgotten once taken. */
  take(raw: RawEntry): StreamEntry | undefined {
    if (this.entries.size === 0) return undefined;
    const [id, fields] = raw;
    const value = fields[1];
    if (value === undefined) return undefined;
    for (const own of this.entries) {
      const { parts } = own;
      if (fields.length !== 2 * parts.length || fields[0] !== (parts.length === 1 ? BATCH_FIELD : PARTS_FIELD)) continue;
      const first = parts[0]!;
      const header = value.length - first.length - 1;
      if (header < 3 || value.charCodeAt(header) !== 10 || !value.endsWith(first)) continue;
      const space = value.indexOf(' ');
      if (space < 1 || space > header || value.slice(space + 1, header) !== String(own.at)) continue;
      if (!sameLaterParts(fields, parts)) continue;
      const firstRseq = Number(value.slice(0, space));
      if (!Number.isSafeInteger(firstRseq) || firstRseq < 1) return undefined;
      this.entries.delete(own);
      return { kind: 'events', id, events: storedEvents(id, firstRseq, own), bad: 0 };
    }
    return undefined;
  }

  /** Forgets appended entries the reader has passed (`passed(id)`) without taking them. */
  forgetPassed(passed: (id: string) => boolean): void {
    for (const own of this.entries) if (own.id !== undefined && passed(own.id)) this.entries.delete(own);
  }
}

/** The parts after the first, field by field: the first's field name and the same text. */
function sameLaterParts(fields: readonly string[], parts: readonly string[]): boolean {
  for (let k = 1; k < parts.length; k++) if (fields[2 * k] !== fields[0] || fields[2 * k + 1] !== parts[k]) return false;
  return true;
}

function storedEvents(id: string, firstRseq: number, own: OwnEntry): StoredEvent[] {
  const count = own.events.length;
  const events = new Array<StoredEvent>(count);
  for (let k = 0; k < count; k++) {
    events[k] = {
      entry: id,
      place: placeInEntry(k, count),
      rseq: firstRseq + k,
      at: own.at,
      event: own.events[k]!,
      json: own.payloads[k]!,
    };
  }
  return events;
}
