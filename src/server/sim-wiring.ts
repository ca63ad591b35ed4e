import type { Logger } from 'pino';
import type { PaperEngine } from '../engine/paper-engine';
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
    onPostError: (error, failures) => options.logger.warn({ err: String(error), failures }, 'paper engine post failed; retrying'),
  });
  engine.start();
  options.logger.info({ seed: options.seed, rate: options.ratePerSec, faults: options.faults }, 'paper engine started');
  return engine;
}
