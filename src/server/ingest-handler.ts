import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { IngestTally } from '../protocol/ingest';
import { emptyTally } from '../protocol/ingest';
import type { Line } from '../protocol/line-splitter';
import { LineSplitter } from '../protocol/line-splitter';
import { readJsonArrayLines } from './json-array-body';
import type { RelayState } from './relay-state';

export interface IngestDeps {
  readonly state: RelayState;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
  /** Aborted at shutdown: open ingest requests stop reading and answer with what they took. */
  readonly shutdown: AbortSignal;
}

/** Rejections listed in one reply; a garbage body must not make a garbage-sized reply. */
const MAX_LISTED_REJECTIONS = 1_000;

type Read = ReadableStreamReadResult<Uint8Array> | 'shutdown';

/**
 * POST /api/events. NDJSON is applied line by line as chunks arrive, so an engine holding one
 * POST open for hours reaches the dashboards per event, not per request. A JSON array body
 * (`Content-Type: application/json`) is read whole, then applied item by item.
 *
 * Past `maxBodyBytes` the relay stops reading and answers 413: events from complete lines
 * before the limit stay accepted (they are already on the stream), the rest is not applied.
 * A declared Content-Length over the limit is refused before anything is read.
 */
export async function handleIngest(c: Context, deps: IngestDeps): Promise<Response> {
  const tally = emptyTally();
  let rejectedTotal = 0;
  const apply = (lines: readonly Line[]): void => {
    deps.state.ingest(lines, tally);
    if (tally.rejected.length > MAX_LISTED_REJECTIONS) {
      rejectedTotal += tally.rejected.length - MAX_LISTED_REJECTIONS;
      tally.rejected.length = MAX_LISTED_REJECTIONS;
    }
  };
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > deps.maxBodyBytes) return reply(c, deps, tally, 0, 'too_large');

  const json = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
  const splitter = new LineSplitter();
  const held: Uint8Array[] = [];
  let bytes = 0;
  let ending: 'end' | 'too_large' | 'shutdown' = 'end';
  const reader = c.req.raw.body?.getReader();
  const stopped = new Promise<'shutdown'>((resolve) => {
    if (deps.shutdown.aborted) resolve('shutdown');
    else deps.shutdown.addEventListener('abort', () => resolve('shutdown'), { once: true });
  });
  while (reader !== undefined) {
    const read: Read = await Promise.race([reader.read(), stopped]);
    if (read === 'shutdown') {
      ending = 'shutdown';
      break;
    }
    if (read.done) break;
    let chunk = read.value;
    const room = deps.maxBodyBytes - bytes;
    bytes += chunk.byteLength;
    if (chunk.byteLength > room) chunk = chunk.subarray(0, room);
    if (json) held.push(chunk);
    else apply(splitter.push(chunk));
    if (bytes > deps.maxBodyBytes) {
      ending = 'too_large';
      break;
    }
  }
  // An unfinished last line is only complete when the body really ended.
  if (ending === 'end') {
    if (json) await readJsonArrayLines(held, bytes, apply);
    else apply(splitter.end());
  }
  return reply(c, deps, tally, rejectedTotal, ending);
}

function reply(c: Context, deps: IngestDeps, tally: IngestTally, unlisted: number, ending: 'end' | 'too_large' | 'shutdown'): Response {
  const rejectedTotal = tally.rejected.length + unlisted;
  if (rejectedTotal > 0) {
    deps.logger.warn({ rejected: rejectedTotal, accepted: tally.accepted, first: tally.rejected.slice(0, 3) }, 'ingest rejections');
  }
  const body: IngestTally & { rejected_total?: number; error?: string } = { ...tally };
  if (unlisted > 0) body.rejected_total = rejectedTotal;
  if (ending === 'too_large') {
    body.error = `body larger than ${deps.maxBodyBytes} bytes; events before the limit were kept`;
    return c.json(body, 413);
  }
  if (tally.accepted === 0 && tally.duplicates === 0 && ending === 'end') {
    body.error = rejectedTotal > 0 ? 'no acceptable event in the body' : 'empty body';
    return c.json(body, 400);
  }
  return c.json(body, 200);
}
