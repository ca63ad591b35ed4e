import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { reportChunks } from '../protocol/report';
import { anomalyPageJson, readPageQuery } from './anomaly-page';
import { hasToken, requireToken } from './auth';
import type { ConnectionCaps } from './connection-caps';
import { CAP_RETRY_AFTER_S } from './connection-caps';
import type { IngestStore } from './ingest-handler';
import { handleIngest } from './ingest-handler';
import type { Journal } from './journal/journal';
import { readHistoryQuery } from './journal/order-history';
import type { RelayConfig } from './relay-config';
import type { RelayMetrics } from './relay-metrics';
import type { RelayStore } from './redis/relay-store';
import type { RelayState } from './relay-state';
import { requestLog } from './request-log';
import { requestOriginGuard } from './request-origin';
import { securityHeaders } from './security-headers';
import { mountStaticSite } from './static-site';
import type { StreamHub } from './stream-hub';
import type { RelayAlerts } from './alerts/alert-wiring';
import { mountAlertRoutes } from './alerts/alert-routes';

export interface RelayAppDeps {
  readonly config: RelayConfig;
  readonly state: RelayState;
  readonly hub: StreamHub;
  readonly metrics: RelayMetrics;
  readonly logger: Logger;
  readonly shutdown: AbortSignal;
  readonly startedAt: number;
  readonly caps: ConnectionCaps;
  /** Where ingested lines go: the local book (and journal), or the shared log. */
  readonly ingest: IngestStore;
  /** The embedded journal (no `--store`, `--data-dir` not `none`). */
  readonly journal?: Journal | undefined;
  /** `--store redis://…`: the shared event log, its readiness and resume rules. */
  readonly store?: RelayStore | undefined;
  readonly alerts: RelayAlerts;
}

/** Every route of the relay, on web-standard Request/Response (testable with `app.fetch`). */
export function createRelayApp(deps: RelayAppDeps): Hono {
  const { config, state, hub, logger, store, caps } = deps;
  const overCap = (c: Context, error: string): Response => c.json({ error }, 503, { 'Retry-After': String(CAP_RETRY_AFTER_S) });
  const app = new Hono();
  const ingestGuard = requireToken(config.ingestToken, 'ingest', false);
  const viewGuard = requireToken(config.viewToken, 'view', true);
  const metricsGuard = requireToken(config.metricsToken ?? config.viewToken, 'metrics', false);

  app.use('*', requestLog(logger, config.logRequests));
  app.use('*', securityHeaders());
  app.use('*', requestOriginGuard({ boundHost: config.host, allowedHosts: config.allowedHosts }));

  app.post('/api/events', ingestGuard, async (c) => {
    const slot = caps.admitIngest();
    if (!slot.ok) return overCap(c, slot.error);
    try {
      return await handleIngest(c, {
        maxBodyBytes: config.maxBodyBytes,
        idleMs: config.ingestIdleSec * 1000,
        logger,
        shutdown: deps.shutdown,
        store: deps.ingest,
      });
    } finally {
      slot.release();
    }
  });

  app.get('/api/stream', viewGuard, async (c) => {
    if (deps.shutdown.aborted) return c.json({ error: 'shutting down' }, 503);
    let lastEventId = c.req.header('last-event-id') ?? c.req.query('last_event_id');
    if (store !== undefined) {
      // Not caught up with the shared stream yet: a snapshot now would show an old book.
      const retry = store.streamUnavailable();
      if (retry !== undefined) return c.json({ error: 'catching up with the event store' }, 503, { 'Retry-After': String(retry) });
      lastEventId = await store.resolveResume(lastEventId);
    }
    const bindings = c.env as Partial<HttpBindings> | undefined;
    const outgoing = bindings?.outgoing;
    // Counted only with a socket to count (not `app.fetch`), and freed when that socket closes.
    if (outgoing !== undefined) {
      const slot = caps.admitStream(bindings?.incoming?.socket.remoteAddress);
      if (!slot.ok) return overCap(c, slot.error);
      outgoing.once('close', slot.release);
    }
    const client = hub.connect(lastEventId, outgoing === undefined ? undefined : () => outgoing.destroy(), c.req.query('log_id'));
    return new Response(client.channel.stream, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
    });
  });

  app.get('/api/orders', viewGuard, (c) => {
    const now = config.now();
    const asked = c.req.query('stale_after');
    const staleAfter = asked === undefined ? config.staleAfterSec : Number(asked);
    if (asked !== undefined && (asked.trim() === '' || !Number.isFinite(staleAfter) || staleAfter < 0)) {
      return c.json({ error: `stale_after: want a number of seconds ≥ 0, got ${asked}` }, 400);
    }
    // Written in one go so the report is consistent with `rseq`; this is an inspection
    // endpoint, the stream is what dashboards use.
    const chunks = [
      ...reportChunks(state.book, { now, staleAfter, rejectedLines: state.totals.rejected, extra: { rseq: state.log.lastRseq } }),
    ];
    return c.body(chunks.join(''), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  // Older anomalies than a snapshot head holds (issue 13): a page at a time, never one huge reply.
  app.get('/api/anomalies', viewGuard, (c) => {
    const query = readPageQuery(state.book, c.req.query('before'), c.req.query('limit'));
    if (!query.ok) return c.json({ error: query.error }, 400);
    return c.body(anomalyPageJson(state.book, query.before, query.limit), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  });

  // Finished orders of the retention period, newest first (issue 15): found after cleanup took them from the live book.
  app.get('/api/history', viewGuard, (c) => {
    const history = deps.journal?.history;
    if (history === undefined) return c.json({ error: 'no history: this relay runs without a journal (--data-dir none or --store)' }, 404);
    const read = readHistoryQuery((name) => c.req.query(name));
    if (!read.ok) return c.json({ error: read.error }, 400);
    return c.json(history.query(read.query), 200, { 'Cache-Control': 'no-store' });
  });

  mountAlertRoutes(app, {
    alerts: deps.alerts.service,
    store: deps.alerts.store,
    viewGuard,
    operateGuard: requireToken(config.operateToken ?? config.viewToken, 'operate', false),
    now: config.now,
  });

  app.get('/api/healthz', (c) => {
    // Without the view token a probe learns only up or not: no counts, ids or store detail.
    const full = hasToken(c, config.viewToken, true);
    const base = {
      uptime_s: Math.floor((config.now() - deps.startedAt) / 1000),
      rseq: state.log.lastRseq,
      log_id: state.log.logId,
      clients: hub.size,
    };
    if (store === undefined) {
      const journal = deps.journal;
      const degraded = journal?.degraded ?? false;
      const status = deps.shutdown.aborted ? 'stopping' : degraded ? 'degraded' : 'ok';
      const detail = journal === undefined ? { store: 'memory' } : { store: 'journal', journal: journal.stats() };
      return c.json(full ? { status, ...base, ...detail, ready: true, degraded } : { status });
    }
    // Load balancers route only to ready relays; a degraded relay (Redis away) still serves its streams.
    const health = store.health();
    const status = deps.shutdown.aborted ? 'stopping' : !health.ready ? 'starting' : health.degraded ? 'degraded' : 'ok';
    return c.json(full ? { status, ...base, ...health } : { status }, health.ready ? 200 : 503);
  });

  app.get('/metrics', metricsGuard, async (c) =>
    c.body(await deps.metrics.registry.metrics(), 200, { 'Content-Type': deps.metrics.registry.contentType }),
  );

  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));
  mountStaticSite(app, config.distDir, viewGuard);
  return app;
}
