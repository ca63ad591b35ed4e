import type { ReadableStreamReadResult } from 'node:stream/web';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { ingestReply } from '../protocol/ingest-reply';
import type { IngestTally } from '../protocol/ingest';
import { emptyTally } from '../protocol/ingest';
import type { Line } from '../protocol/line-splitter';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from '../protocol/line-splitter';
import { readJsonArrayLines } from './json-array-body';

export interface IngestDeps {
  readonly maxBodyBytes: number;
  /** No byte for this long ends the request, its tally so far the reply (a streamed POST has no total-time limit). */
  readonly idleMs: number;
  readonly logger: Logger;
  /** Aborted at shutdown: open ingest requests stop reading and answer with what they took. */
  readonly shutdown: AbortSignal;
  /** Where the lines go: this relay's book (local-ingest.ts) or the shared log (redis/redis-ingest.ts). */
  readonly store: IngestStore;
}

/** The event store's side of one ingest request. */
export interface IngestStore {
  /**
   * Chunks already there are read into one batch before it is handed over (the shared log: one
   * append per batch); otherwise each chunk's lines go at once.
   */
  readonly gathersChunks: boolean;
  /** Retry-After seconds when the store cannot take events now (Redis unreachable). */
  unavailable(): number | undefined;
  begin(): {
    /** Throws when the store fails mid-request; what it took before stays taken. */
    accept(lines: readonly Line[], tally: IngestTally): Promise<void>;
    /** Waits until this relay has applied what the request added (anomalies come from that). */
    settle(tally: IngestTally): Promise<void>;
  };
}

type Ending = 'end' | 'too_large' | 'shutdown' | 'unavailable' | 'bad_encoding' | 'idle';

/** The body types ingest reads; anything else (text/plain from an HTML form above all) is 415. */
const INGEST_TYPES = ['application/x-ndjson', 'application/json'] as const;

/** The media type without parameters, lower case; '' when absent. */
const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Why this request's body cannot be read, or undefined. A plain HTML form can send text/plain
 * cross-site with no script, so only the two types a browser cannot send without a preflight
 * are taken; gzip is decompressed as it streams, any other encoding is refused.
 */
export function unreadableBody(contentType: string | undefined, contentEncoding: string | undefined): string | undefined {
  const type = mediaType(contentType);
  if (!(INGEST_TYPES as readonly string[]).includes(type))
    return `Content-Type ${JSON.stringify(type.slice(0, 100) || '(none)')}: want ${INGEST_TYPES.join(' or ')}`;
  const encoding = mediaType(contentEncoding);
  if (encoding !== '' && encoding !== 'identity' && encoding !== 'gzip')
    return `Content-Encoding ${JSON.stringify(encoding.slice(0, 100))}: want gzip or none`;
  return undefined;
}

/** Rejections listed in one reply; a garbage body must not make a garbage-sized reply. */
const MAX_LISTED_REJECTIONS = 1_000;

type Read = ReadableStreamReadResult<Uint8Array> | 'shutdown' | 'idle';

/**
 * Lines taken in one go at most, from chunks that had already arrived (`--store` mode only). Each
 * batch is one Redis append and one stream entry that every relay reads: one per 64 KiB chunk
 * cost every relay a share of per-entry work, and entries that small are copied by the garbage
 * collector where a large one is not. Without a store, lines are applied as each chunk arrives:
 * finding out whether more is there takes a turn of the event loop, and the fan-out then went
 * out a turn later (the browser benchmark's event → screen p95 was 61–68 ms with it, 50 before).
 */
const BATCH_LINES = 2_000;

const nextTurn = (): Promise<'later'> => new Promise((resolve) => setImmediate(() => resolve('later')));

/**
 * POST /api/events. NDJSON is applied as chunks arrive, so an engine holding one POST open for
 * hours reaches the dashboards per event, not per request; with a store, chunks that are already
 * there when one is read go with it, up to BATCH_LINES lines, never waiting for more. A JSON array body
 * (`Content-Type: application/json`) is read whole, then applied item by item.
 *
 * `maxBodyBytes` bounds what the relay must hold for one request. A declared Content-Length
 * over it is refused (413) before anything is read; a JSON array is buffered, so past it the
 * relay stops reading and answers 413. A streamed NDJSON body (no Content-Length) is never
 * held, only split, so it may run for hours: there the limit applies to each line instead
 * (an overlong line is rejected and skipped without being buffered).
 */
export async function handleIngest(c: Context, deps: IngestDeps): Promise<Response> {
  const unreadable = unreadableBody(c.req.header('content-type'), c.req.header('content-encoding'));
  if (unreadable !== undefined) return c.json({ error: unreadable }, 415);
  const tally = emptyTally();
  const retryAfter = deps.store.unavailable();
  if (retryAfter !== undefined) return reply(c, deps, tally, 0, 'unavailable', retryAfter);
  const sink = deps.store.begin();
  let rejectedTotal = 0;
  const apply = async (lines: readonly Line[]): Promise<void> => {
    await sink.accept(lines, tally);
    if (tally.rejected.length > MAX_LISTED_REJECTIONS) {
      rejectedTotal += tally.rejected.length - MAX_LISTED_REJECTIONS;
      tally.rejected.length = MAX_LISTED_REJECTIONS;
    }
  };
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > deps.maxBodyBytes) return reply(c, deps, tally, 0, 'too_large');

  const json = mediaType(c.req.header('content-type')) === 'application/json';
  // Decompressed bytes are what every limit below counts, so a small bomb is bounded like a big body.
  const gzip = mediaType(c.req.header('content-encoding')) === 'gzip';
  const splitter = new LineSplitter(Math.min(DEFAULT_MAX_LINE_BYTES, deps.maxBodyBytes));
  const held: Uint8Array[] = [];
  let bytes = 0;
  let ending: Ending = 'end';
  const raw = c.req.raw.body;
  const reader = (gzip && raw !== null ? raw.pipeThrough(new DecompressionStream('gzip')) : raw)?.getReader();
  let batch: Line[] = [];
  let ahead: Promise<Read> | undefined;
  let onShutdown = (): void => {};
  let onIdle = (): void => {};
  const stopped = new Promise<'shutdown' | 'idle'>((resolve) => {
    onShutdown = () => resolve('shutdown');
    onIdle = () => resolve('idle');
    if (deps.shutdown.aborted) onShutdown();
    else deps.shutdown.addEventListener('abort', onShutdown, { once: true });
  });
  // One timer per request, pushed back by every chunk: an engine holding a POST open for hours is fine, a silent one is not.
  const idle = setTimeout(() => onIdle(), deps.idleMs);
  // One listener per open request, removed when it stops reading: held-open POSTs must not pile them up.
  try {
    while (reader !== undefined) {
      let read: Read;
      try {
        read = await (ahead ?? Promise.race([reader.read(), stopped]));
      } catch (error) {
        // A corrupt gzip stream (or a client that broke off): what was read before stays applied.
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'ingest: body unreadable');
        ending = 'bad_encoding';
        break;
      }
      ahead = undefined;
      if (read === 'shutdown' || read === 'idle') {
        ending = read;
        break;
      }
      if (read.done) break;
      idle.refresh();
      let chunk = read.value;
      if (!json) {
        for (const line of splitter.push(chunk)) batch.push(line);
        if (deps.store.gathersChunks && batch.length < BATCH_LINES) {
          // The next chunk, if it is already here, joins this batch; the read stays pending otherwise.
          ahead = Promise.race([reader.read(), stopped]);
          if ((await Promise.race([ahead, nextTurn()])) !== 'later' || batch.length === 0) continue;
        }
        const lines = batch;
        batch = [];
        if (!(await applyOrFail(apply, lines, deps))) {
          ending = 'unavailable';
          break;
        }
        continue;
      }
      const room = deps.maxBodyBytes - bytes;
      bytes += chunk.byteLength;
      if (chunk.byteLength > room) chunk = chunk.subarray(0, room);
      held.push(chunk);
      if (bytes > deps.maxBodyBytes) {
        ending = 'too_large';
        break;
      }
    }
  } finally {
    clearTimeout(idle);
    deps.shutdown.removeEventListener('abort', onShutdown);
  }
  // The rest of an idle body is not read: the reply goes now and the connection with it.
  if (ending === 'idle') void reader?.cancel().catch(() => {});
  // An unfinished last line is only complete when the body really ended.
  if (ending === 'end') {
    const finished = json
      ? await applyOrFail(() => readJsonArrayLines(held, bytes, apply), [], deps)
      : await applyOrFail(apply, [...batch, ...splitter.end()], deps);
    if (!finished) ending = 'unavailable';
  } else if (
    (ending === 'shutdown' || ending === 'bad_encoding' || ending === 'idle') &&
    batch.length > 0 &&
    !(await applyOrFail(apply, batch, deps))
  ) {
    ending = 'unavailable';
  }
  await sink.settle(tally);
  return reply(c, deps, tally, rejectedTotal, ending, deps.store.unavailable() ?? 1);
}

/** Runs `apply`; false when the store failed (the request then ends with 503). */
async function applyOrFail(apply: (lines: readonly Line[]) => Promise<void>, lines: readonly Line[], deps: IngestDeps): Promise<boolean> {
  try {
    await apply(lines);
    return true;
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'ingest: store unavailable');
    return false;
  }
}

function reply(c: Context, deps: IngestDeps, tally: IngestTally, unlisted: number, ending: Ending, retryAfterS = 1): Response {
  const rejectedTotal = tally.rejected.length + unlisted;
  if (rejectedTotal > 0) {
    deps.logger.warn({ rejected: rejectedTotal, accepted: tally.accepted, first: tally.rejected.slice(0, 3) }, 'ingest rejections');
  }
  const json = (status: 200 | 400 | 408 | 413 | 503, error?: string) => c.json(ingestReply(tally, unlisted, error), status);
  if (ending === 'unavailable') {
    c.header('Retry-After', String(retryAfterS));
    return json(503, 'event store unavailable; events counted as accepted are kept, retry the rest');
  }
  if (ending === 'bad_encoding') return json(400, 'body could not be read to its end (corrupt gzip?); events before the fault were kept');
  if (ending === 'idle') {
    c.header('Connection', 'close');
    return json(408, `no byte for ${deps.idleMs / 1000} s (--ingest-idle-s): request ended; events before were kept`);
  }
  if (ending === 'too_large') return json(413, `body larger than ${deps.maxBodyBytes} bytes; events before the limit were kept`);
  if (tally.accepted === 0 && tally.duplicates === 0 && ending === 'end') {
    return json(400, rejectedTotal > 0 ? 'no acceptable event in the body' : 'empty body');
  }
  return json(200);
}
