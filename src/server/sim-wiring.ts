import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { SIM_USER_AGENT } from './request-log';

export interface PaperEngine {
  start(): void;
  stop(): Promise<void>;
}

interface PaperEngineModule {
  createPaperEngine(options: { seed: number; ratePerSec: number; post: (ndjson: string) => Promise<void> }): PaperEngine;
}

export interface SimOptions {
  readonly seed: number;
  readonly ratePerSec: number;
  readonly ingestToken: string | undefined;
  /** The relay's own request handler: the engine's posts take the real ingest path. */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly logger: Logger;
}

const ENGINE_FILE = join(dirname(fileURLToPath(import.meta.url)), '../engine/paper-engine.ts');

function isEngineModule(value: unknown): value is PaperEngineModule {
  return typeof (value as { createPaperEngine?: unknown } | null)?.createPaperEngine === 'function';
}

/**
 * Starts the paper engine when it is present. Its events are posted as NDJSON through the
 * relay's HTTP handler with the ingest token, exactly like a real engine's (no side door).
 */
export async function startPaperEngine(options: SimOptions): Promise<PaperEngine | undefined> {
  if (!existsSync(ENGINE_FILE)) {
    options.logger.warn({ file: ENGINE_FILE }, 'paper engine not available; running without simulation');
    return undefined;
  }
  // Loaded by path so the relay runs (and type-checks) before the engine exists.
  const loaded: unknown = await import(pathToFileURL(ENGINE_FILE).href);
  if (!isEngineModule(loaded)) {
    options.logger.error({ file: ENGINE_FILE }, 'paper engine module has no createPaperEngine; running without simulation');
    return undefined;
  }
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson', 'user-agent': SIM_USER_AGENT };
  if (options.ingestToken !== undefined) headers.authorization = `Bearer ${options.ingestToken}`;
  const post = async (ndjson: string): Promise<void> => {
    const response = await options.fetch(new Request('http://relay.internal/api/events', { method: 'POST', headers, body: ndjson }));
    if (response.status !== 200) options.logger.warn({ status: response.status, body: (await response.text()).slice(0, 500) }, 'paper engine post refused');
  };
  const engine = loaded.createPaperEngine({ seed: options.seed, ratePerSec: options.ratePerSec, post });
  engine.start();
  options.logger.info({ seed: options.seed, rate: options.ratePerSec }, 'paper engine started');
  return engine;
}
