import type { IngestTally, Rejection } from './ingest';

/*
 * The reply to POST /api/events (docs/protocol.md): what was accepted, duplicated, flagged and
 * rejected, and on an early end why. Written by the relay, read by engines (the Python emitter,
 * the tests' engine).
 */

export interface IngestReply {
  readonly accepted: number;
  readonly duplicates: number;
  readonly anomalies: number;
  /** Rejected lines with their reason, the first ones only when there were very many. */
  readonly rejected: readonly Rejection[];
  /** All rejected lines, present only when `rejected` does not list them all. */
  readonly rejected_total?: number;
  /** Why the request ended before its body did (too large, idle, unreadable, store unavailable). */
  readonly error?: string;
}

/** The reply for a tally; `unlisted` rejections were counted but not kept (the list is bounded). */
export function ingestReply(tally: IngestTally, unlisted: number, error?: string): IngestReply {
  return {
    ...tally,
    ...(unlisted > 0 ? { rejected_total: tally.rejected.length + unlisted } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A reply read back from its JSON; an Error naming the field when it is not one. */
export function readIngestReply(value: unknown): IngestReply {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('ingest reply: want a JSON object');
  const v = value as Record<string, unknown>;
  for (const field of ['accepted', 'duplicates', 'anomalies'] as const) {
    if (!count(v[field])) throw new Error(`ingest reply: ${field} must be a count, got ${JSON.stringify(v[field])}`);
  }
  if (!Array.isArray(v.rejected)) throw new Error('ingest reply: rejected must be an array');
  v.rejected.forEach((r: unknown, i) => {
    const rejection = r as Partial<Rejection> | null;
    if (typeof r !== 'object' || r === null || !count(rejection?.line) || typeof rejection.error !== 'string') {
      throw new Error(`ingest reply: rejected[${i}] must be {line, error}`);
    }
  });
  if (v.rejected_total !== undefined && !count(v.rejected_total)) throw new Error('ingest reply: rejected_total must be a count');
  if (v.error !== undefined && typeof v.error !== 'string') throw new Error('ingest reply: error must be a string');
  return v as unknown as IngestReply;
}
