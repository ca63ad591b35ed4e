import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DestinationStream, Level } from 'pino';
import type { RedisTuning } from './redis/open-replica';
import { DEFAULT_KEEP_TERMINAL } from '../protocol/snapshot-messages';

/** Everything the relay can be told; `main.ts` fills it from flags and environment variables. */
export interface RelayConfig {
  readonly port: number;
  readonly host: string;
  /** Run the built-in paper engine. `startRelay` defaults to off; `main.ts` to on. */
  readonly sim: boolean;
  readonly simRate: number;
  /** The paper engine injects a small rate of every anomaly kind (demos, tests). */
  readonly simFaults: boolean;
  readonly seed: number;
  readonly staleAfterSec: number;
  /** Accepted events kept for `Last-Event-ID` resume. */
  readonly logSize: number;
  /** JSON bytes of those events kept at most: the oldest go first (resume then takes a snapshot). */
  readonly logBytes: number;
  /** Distinct engines the book tracks (dedup high-water marks); an event from one more is refused. */
  readonly maxEngines: number;
  /** Active (not finished) orders the book holds; an `order_created` past it is refused. */
  readonly maxActiveOrders: number;
  /** Bytes queued for all stream clients together; past it the largest backlog is dropped first. */
  readonly streamBytesTotal: number;
  readonly maxBodyBytes: number;
  /** A streamed ingest with no byte for this long is ended, its tally so far the reply (never cut by total time). */
  readonly ingestIdleSec: number;
  /** An event whose ts is further ahead of the relay's clock is applied at receipt and flagged `future_timestamp`. */
  readonly maxFutureSec: number;
  /** Stream clients open at once, in all and from one remote address; past them 503 + Retry-After. */
  readonly maxClients: number;
  readonly maxClientsPerAddress: number;
  /** `POST /api/events` requests read at once; past it 503 + Retry-After. */
  readonly maxIngests: number;
  readonly heartbeatMs: number;
  readonly ingestToken: string | undefined;
  readonly viewToken: string | undefined;
  /** `/metrics` needs this token when set; otherwise VIEW_TOKEN's rule applies to it too. */
  readonly metricsToken: string | undefined;
  /** Host names the relay answers to beside loopback and its bind address; `*` answers to any. */
  readonly allowedHosts: readonly string[];
  /** Where Vite put the built dashboard. */
  readonly distDir: string;
  /** Bytes a stream client may have queued before it is dropped as too slow. */
  readonly clientQueueLimit: number;
  /** Terminal orders the relay's book keeps (`cleanupAfterEvent`: the same rule as dashboards). */
  readonly keepTerminal: number;
  /** Anomalies kept in the book for snapshots (counts by kind stay complete). */
  readonly anomalyLimit: number;
  readonly logLevel: Level | 'silent';
  /** A log line at info for every HTTP request; false logs them at debug (main turns it off on a terminal). */
  readonly logRequests: boolean;
  /** Where pino writes; stdout when absent. */
  readonly logDestination: DestinationStream | undefined;
  /** How long `close()` lets open responses finish before cutting connections. */
  readonly shutdownGraceMs: number;
  /**
   * Where the journal lives (`orderwatch.db`, SQLite): every accepted event, so a restart loses
   * nothing. `none` keeps everything in memory. `startRelay` defaults to `none`; `main.ts` to `./data`.
   */
  readonly dataDir: string;
  /** A checkpoint of the book every this many events or seconds, whichever comes first: a restart replays only what follows it. */
  readonly checkpointEvents: number;
  readonly checkpointSec: number;
  /** Journaled events older than this are pruned (once a checkpoint holds their effect). */
  readonly retentionDays: number;
  /** The journal's bytes on disk at most: past it the oldest events go whatever their age. */
  readonly journalMaxBytes: number;
  /** How often pruning runs. */
  readonly pruneEveryMs: number;
  /** `always`: each commit waits for the disk (survives power loss); `normal`: survives a process crash. */
  readonly fsync: 'normal' | 'always';
  /** `redis://HOST:PORT[/DB]`: the event log lives in Redis Streams, shared by every relay on it. */
  readonly store: string | undefined;
  readonly storeTuning: RedisTuning;
  /** Stale limits per status beside `staleAfterSec` (null = off): the relay's alerts and every dashboard use them. */
  readonly staleNewAckSec: number | null;
  readonly staleOpenNoFillSec: number | null;
  readonly stalePartialNoFillSec: number | null;
  /** Alert rules (issue 16); null turns one off. */
  readonly engineSilentAfterSec: number | null;
  readonly anomalyBurstPerMin: number | null;
  readonly rejectRatePct: number | null;
  readonly maxOrderAlerts: number;
  /** How often the rules are evaluated. */
  readonly alertEvalMs: number;
  /** URLs alert changes are posted to. */
  readonly webhooks: readonly string[];
  /** Acting on alerts needs this token when set (else the view token). */
  readonly operateToken: string | undefined;
  readonly now: () => number;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export const DEFAULT_CONFIG: RelayConfig = {
  port: 8080,
  host: '127.0.0.1',
  sim: false,
  simRate: 50,
  simFaults: false,
  seed: 1,
  staleAfterSec: 300,
  logSize: 100_000,
  logBytes: 256 * 1024 * 1024,
  maxEngines: 1_000,
  maxActiveOrders: 500_000,
  streamBytesTotal: 256 * 1024 * 1024,
  maxBodyBytes: 5 * 1024 * 1024,
  ingestIdleSec: 120,
  maxFutureSec: 60,
  maxClients: 1_000,
  maxClientsPerAddress: 100,
  maxIngests: 64,
  heartbeatMs: 5_000,
  ingestToken: undefined,
  viewToken: undefined,
  metricsToken: undefined,
  allowedHosts: [],
  distDir: resolve(HERE, '../../dist'),
  clientQueueLimit: 4 * 1024 * 1024,
  keepTerminal: DEFAULT_KEEP_TERMINAL,
  anomalyLimit: 10_000,
  logLevel: 'info',
  logRequests: true,
  logDestination: undefined,
  shutdownGraceMs: 5_000,
  store: undefined,
  storeTuning: {},
  dataDir: 'none',
  checkpointEvents: 200_000,
  checkpointSec: 600,
  retentionDays: 7,
  journalMaxBytes: 8 * 1024 ** 3,
  pruneEveryMs: 60_000,
  fsync: 'normal',
  staleNewAckSec: 30,
  staleOpenNoFillSec: null,
  stalePartialNoFillSec: null,
  engineSilentAfterSec: 60,
  anomalyBurstPerMin: 20,
  rejectRatePct: 20,
  maxOrderAlerts: 500,
  alertEvalMs: 1_000,
  webhooks: [],
  operateToken: undefined,
  now: Date.now,
};

export function resolveConfig(partial: Partial<RelayConfig>): RelayConfig {
  const config: RelayConfig = { ...DEFAULT_CONFIG };
  // Explicit `undefined` in the partial means "use the default", not "unset".
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) Object.assign(config, { [key]: value });
  }
  if (!Number.isInteger(config.logSize) || config.logSize < 1)
    throw new RangeError(`logSize must be an integer ≥ 1, got ${config.logSize}`);
  if (!(config.heartbeatMs > 0)) throw new RangeError(`heartbeatMs must be > 0, got ${config.heartbeatMs}`);
  for (const key of [
    'logBytes',
    'maxEngines',
    'maxActiveOrders',
    'streamBytesTotal',
    'clientQueueLimit',
    'maxClients',
    'maxClientsPerAddress',
    'maxIngests',
  ] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new RangeError(`${key} must be an integer ≥ 1, got ${config[key]}`);
  }
  if (!(config.maxFutureSec >= 0)) throw new RangeError(`maxFutureSec must be ≥ 0, got ${config.maxFutureSec}`);
  if (!(config.ingestIdleSec > 0)) throw new RangeError(`ingestIdleSec must be > 0, got ${config.ingestIdleSec}`);
  if (!(config.alertEvalMs > 0)) throw new RangeError(`alertEvalMs must be > 0, got ${config.alertEvalMs}`);
  if (!(config.maxBodyBytes > 0)) throw new RangeError(`maxBodyBytes must be > 0, got ${config.maxBodyBytes}`);
  return config;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
