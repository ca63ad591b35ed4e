import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { MemoryEventLog } from './event-log';
import type { RelayStore } from './redis/relay-store';
import { ConnectionCaps } from './connection-caps';
import type { Journal } from './journal/journal';
import type { LocalJournal, RestoreFigures } from './journal/local-journal';
import { LocalIngest } from './local-ingest';
import { createRelayApp } from './relay-app';
import type { RelayConfig } from './relay-config';
import { resolveConfig } from './relay-config';
import type { RelayMetrics } from './relay-metrics';
import { createRelayMetrics } from './relay-metrics';
import { RelayState } from './relay-state';
import { listenError } from './start-error';
import { createLogger } from './request-log';
import type { PaperEngine } from './sim-wiring';
import { startPaperEngine } from './sim-wiring';
import { StreamHub } from './stream-hub';
import type { RelayAlerts } from './alerts/alert-wiring';
import type { SharedAlertActions } from './alerts/shared-alert-actions';
import { alertGreeting, registerAlertMetrics, startAlerts } from './alerts/alert-wiring';

export type { RelayConfig } from './relay-config';

export interface RunningRelay {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly config: RelayConfig;
  /** For inspection in tests and benchmarks: the book, the log, the totals. */
  readonly state: RelayState;
  readonly hub: StreamHub;
  readonly app: Hono;
  /** The embedded journal, when there is one (tests reach its database to simulate a full disk). */
  readonly journal: Journal | undefined;
  /** What the start read back from the journal. */
  readonly restored: RestoreFigures | undefined;
  /** With a journal: resolves when its next background prune pass has finished. */
  readonly nextPrune: (() => Promise<void>) | undefined;
  readonly metrics: RelayMetrics;
  /** The relay's alert evaluation, store and webhooks (issue 16). */
  readonly alerts: RelayAlerts;
  readonly logger: Logger;
  /** Stops the engine, ends streams and open ingests, waits for responses (up to the grace time). */
  close(): Promise<void>;
}

/** Extra room for saved order states while a snapshot is written, per snapshot in flight. */
const PREIMAGE_LIMIT_FACTOR = 8;

export async function startRelay(partial: Partial<RelayConfig> = {}): Promise<RunningRelay> {
  const config = resolveConfig(partial);
  const logger = createLogger(config);
  const shutdown = new AbortController();
  const store = config.store === undefined ? undefined : await loadRedisStore(config, logger);
  const local = store === undefined && config.dataDir !== 'none' ? await loadJournal(config, logger) : undefined;
  // --store: Redis is the log; the data directory keeps this relay's order history and alerts.
  const sidecar = store !== undefined && config.dataDir !== 'none' ? await loadSidecar(config, logger) : undefined;
  const journal = local?.journal ?? sidecar?.journal;
  const state = new RelayState({
    log: store?.log ?? local?.log ?? new MemoryEventLog(config.logSize, undefined, config.logBytes),
    now: config.now,
    anomalyLimit: config.anomalyLimit,
    book: local?.startBook,
    onFinished: (order) => {
      journal?.stageFinished(order);
      alerts.service.noteFinished(order);
    },
    keepTerminal: config.keepTerminal,
    limits: { maxEngines: config.maxEngines, maxActiveOrders: config.maxActiveOrders },
    onAccepted: (rseq) => hub.publish(rseq),
    maxFutureMs: config.maxFutureSec * 1000,
    onLineFault: (line, error) =>
      logger.error({ line, err: error instanceof Error ? error.stack : String(error) }, 'ingest: handling a line threw; it was rejected'),
  });
  const hub = new StreamHub({
    state,
    logger,
    now: config.now,
    staleAfterSec: config.staleAfterSec,
    heartbeatMs: config.heartbeatMs,
    keepTerminal: config.keepTerminal,
    clientQueueLimit: config.clientQueueLimit,
    streamBytesTotal: config.streamBytesTotal,
    snapshotPreimageLimit: config.clientQueueLimit * PREIMAGE_LIMIT_FACTOR,
    onSent: (bytes) => metrics.bytesStreamed.inc(bytes),
    onLag: (ms) => metrics.lag.observe(ms / 1000),
    degraded: store !== undefined ? () => store.degraded() : local !== undefined ? () => local.journal.degraded : undefined,
    greeting: () => alertGreeting(alerts, config),
  });
  const alerts = startAlerts({
    config,
    state,
    hub,
    logger,
    journal,
    share: store === undefined ? undefined : await loadSharedActions(config, logger),
    degraded: () =>
      store?.degraded() === true
        ? 'the shared event log (Redis) is unreachable'
        : local?.journal.degraded === true
          ? 'journal writes are failing (see the relay log: disk full or read-only?)'
          : undefined,
  });
  const streams = hub;
  const caps = new ConnectionCaps({
    maxClients: config.maxClients,
    maxClientsPerAddress: config.maxClientsPerAddress,
    maxIngests: config.maxIngests,
  });
  const metrics = createRelayMetrics({
    caps,
    state,
    now: config.now,
    staleAfterSec: config.staleAfterSec,
    clients: () => streams.size,
    streamQueued: () => streams.queuedBytes,
    drops: () => streams.drops,
  });
  store?.registerMetrics(metrics.registry);
  registerAlertMetrics(metrics.registry, alerts, config.now, state.engineEvents);
  let restored: RestoreFigures | undefined;
  if (local !== undefined) {
    // Rebuilt from the journal before the relay listens: it reports ready only with the whole book.
    restored = local.restore(state);
    logger.info({ ...restored, path: local.journal.path, log_id: local.journal.logId }, 'relay book restored from the journal');
    local.registerMetrics(metrics.registry);
    // A write failure or its recovery reaches every dashboard at once, not at the next heartbeat.
    local.journal.onHealthChange = () => hub.beat();
    local.startPruning(state);
  }
  const app = createRelayApp({
    config,
    state,
    hub,
    metrics,
    logger,
    shutdown: shutdown.signal,
    startedAt: config.now(),
    store,
    caps,
    ingest: store ?? new LocalIngest(state, local?.journal, () => local?.afterCommit(state)),
    journal,
    alerts,
  });
  // Redis mode: follow the shared stream into `state`; health changes reach dashboards at once.
  await store?.attach(state, () => streams.beat());

  let server: ServerType;
  try {
    server = await listen(app, config);
  } catch (error) {
    // Nothing was served yet: stop what started, so the process can exit, and say why in a line.
    alerts.stop();
    shutdown.abort();
    streams.closeAll();
    await store?.close();
    sidecar?.close();
    local?.stopPruning();
    local?.journal.close();
    throw listenError(error, config.host, config.port);
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  logger.info({ url, log_size: config.logSize, sim: config.sim }, 'relay listening');

  const engine: PaperEngine | undefined = config.sim
    ? await startPaperEngine({
        seed: config.seed,
        ratePerSec: config.simRate,
        faults: config.simFaults,
        ingestToken: config.ingestToken,
        fetch: app.fetch,
        logger,
        restored: local === undefined ? undefined : { book: state.book, rseq: state.log.lastRseq },
      })
    : undefined;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      logger.info('relay stopping');
      await engine?.stop();
      alerts.stop();
      shutdown.abort();
      streams.closeAll();
      await closeServer(server, config.shutdownGraceMs);
      await store?.close();
      sidecar?.close();
      if (local !== undefined) {
        local.stopPruning();
        // The next start then reads this and replays nothing.
        try {
          local.journal.commit();
          local.checkpoint(state);
        } catch (error) {
          logger.warn({ err: String(error) }, 'journal: no checkpoint at shutdown; the next start replays more');
        }
        local.journal.close();
      }
      logger.info('relay stopped');
    })());

  return {
    url,
    port: address.port,
    host: address.address,
    config,
    state,
    hub,
    app,
    journal,
    restored,
    nextPrune: local === undefined ? undefined : () => local.nextPrune(),
    metrics,
    alerts,
    logger,
    close,
  };
}

/** The embedded journal (issue 15): better-sqlite3 loads here, never for `--data-dir none` or `--store`. */
async function loadJournal(config: RelayConfig, logger: Logger): Promise<LocalJournal> {
  const { openLocalJournal } = await import('./journal/local-journal');
  return openLocalJournal(config, logger);
}

/** `--store` only: acknowledgements and silences shared by every relay of the cluster (ioredis loads here). */
async function loadSharedActions(config: RelayConfig, logger: Logger): Promise<SharedAlertActions> {
  const { SharedAlertActions } = await import('./alerts/shared-alert-actions');
  return new SharedAlertActions(config.store!, config.storeTuning.tag, logger);
}

/** `--store` with a data directory: a journal file used only for history and alerts (stage, commit on a timer). */
async function loadSidecar(config: RelayConfig, logger: Logger): Promise<{ journal: Journal; close(): void }> {
  const { openHistorySidecar } = await import('./journal/history-sidecar');
  return openHistorySidecar(config, logger);
}

/** `--store redis://…` only: ioredis and the Redis code load here, never for the default relay. */
async function loadRedisStore(config: RelayConfig, logger: Logger): Promise<RelayStore> {
  const { RelayStore } = await import('./redis/relay-store');
  return new RelayStore(config.store!, config.storeTuning, config.logSize, logger, config.now, config.logBytes);
}

/**
 * Node cuts any request at 5 minutes by default (`requestTimeout`), which ended an engine's
 * hours-long NDJSON POST with a bare 408: the ingest handler's idle limit replaces it. Headers
 * must still arrive in time (`headersTimeout`), so a client that never finishes them is cut.
 */
export const HTTP_SERVER_OPTIONS = { requestTimeout: 0, headersTimeout: 60_000 } as const;

function listen(app: Hono, config: RelayConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: HTTP_SERVER_OPTIONS }, () =>
      resolve(server),
    );
    server.once('error', reject);
  });
}

/** Waits for open responses to finish; past the grace time, cuts what is left. */
function closeServer(server: ServerType, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, graceMs);
    // Responses that finish during the shutdown leave keep-alive sockets behind: close them as they go idle.
    const sweep = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 50);
    server.close(() => {
      clearTimeout(cut);
      clearInterval(sweep);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
