import type { Logger } from 'pino';
import type { OrderBook } from '../core/book';
import { isActive } from '../core/status';
import type { PaperEngine } from '../engine/paper-engine';
import { PAPER_ENGINES } from '../engine/paper-orders';
import type { PaperResume } from '../engine/paper-sim';
import { SIM_USER_AGENT } from './request-log';

export type { PaperEngine } from '../engine/paper-engine';

export interface SimOptions {
  readonly seed: number;
  readonly ratePerSec: number;
  readonly faults: boolean;
  readonly ingestToken: string | undefined;
  /** The relay's own request handler: the engine's posts take the real ingest path. */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly logger: Logger;
  /** The book and numbering the relay restored from its journal: the engine picks up where it left off. */
  readonly restored?: { readonly book: OrderBook; readonly rseq: number } | undefined;
}

/**
 * What the paper engine takes over after a restart: its engines' seq marks (or every event
 * would be a duplicate), its working orders (closed, or they would turn stale forever), and
 * an id tag from the journal's numbering so no id of an earlier run comes back.
 */
export function paperResume(book: OrderBook, rseq: number): PaperResume | undefined {
  const engines = new Set<string>(PAPER_ENGINES.map((e) => e.name));
  const seqs = new Map([...book.lastSeq].filter(([engine]) => engines.has(engine)));
  if (seqs.size === 0) return undefined;
  const working = [...book.orders.values()]
    .filter((o) => engines.has(o.engine) && isActive(o.status))
    .map((o) => ({ id: o.client_order_id, engine: o.engine, status: o.status }));
  return { seqs, working, runTag: `${rseq.toString(36)}x` };
}

/** Thrown for answers worth retrying (the relay is busy or its store is away). */
class RetryablePostError extends Error {}

/**
 * Starts the paper engine. Its events are posted as NDJSON through the relay's HTTP handler
 * with the ingest token, exactly like a real engine's (no side door into the book). Loaded
 * lazily so a relay for a real engine never loads the simulator.
 */
export async function startPaperEngine(options: SimOptions): Promise<PaperEngine> {
  const { createPaperEngine } = await import('../engine/paper-engine');
  const resume = options.restored === undefined ? undefined : paperResume(options.restored.book, options.restored.rseq);
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson', 'user-agent': SIM_USER_AGENT };
  if (options.ingestToken !== undefined) headers.authorization = `Bearer ${options.ingestToken}`;
  const post = async (ndjson: string): Promise<void> => {
    const response = await options.fetch(new Request('http://localhost/api/events', { method: 'POST', headers, body: ndjson }));
    if (response.status === 200) return;
    const detail = (await response.text()).slice(0, 500);
    // 5xx may pass; a 4xx would fail the same way again, so it is logged and not retried.
    if (response.status >= 500) throw new RetryablePostError(`relay answered ${response.status}: ${detail}`);
    options.logger.warn({ status: response.status, body: detail }, 'paper engine post refused');
  };
  const engine = createPaperEngine({
    seed: options.seed,
    ratePerSec: options.ratePerSec,
    faults: options.faults,
    post,
    ...(resume === undefined ? {} : { resume }),
    onPostError: (error, failures) => options.logger.warn({ err: String(error), failures }, 'paper engine post failed; retrying'),
  });
  engine.start();
  options.logger.info(
    {
      seed: options.seed,
      rate: options.ratePerSec,
      faults: options.faults,
      resumed: resume !== undefined,
      closing: resume?.working.length ?? 0,
    },
    'paper engine started',
  );
  return engine;
}
