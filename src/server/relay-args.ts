import type { RelayConfig } from './relay-config';
import type { RedisTuning } from './redis/open-replica';
import { parseRedisUrl } from './redis/redis-url';
import { parseNumber } from './arg-number';
import { parseRule, parseWebhook, readRulesFile, RULES } from './alert-rule-args';

export const RELAY_USAGE = `usage: npm start -- [flags]          (each flag can also come from the environment)

  --port N            PORT            HTTP port (default 8080; 0 picks a free one)
  --host H            HOST            bind address (default 127.0.0.1); anything but loopback
                                      requires INGEST_TOKEN
  --allowed-hosts A,B ALLOWED_HOSTS   Host names the relay answers to beside loopback and the bind
                                      address (DNS-rebinding defence; others get 421); * for any
  --no-sim            SIM=0           no built-in paper engine (for a real engine)
  --sim-rate N        SIM_RATE        paper engine events per second (default 50)
  --sim-faults        SIM_FAULTS=1    paper engine injects anomalies now and then (demos)
  --seed N            SEED            paper engine seed (default 1)
  --stale-after S     STALE_AFTER     seconds after which an active order is stale (default 300)
  --log-size N        LOG_SIZE        events kept for Last-Event-ID resume (default 100000)
  --log-bytes BYTES   LOG_BYTES       … and at most this many bytes of their JSON (default 268435456)
  --max-engines N     MAX_ENGINES     distinct engines tracked; events from one more are refused
                                      (default 1000)
  --max-active-orders N  MAX_ACTIVE_ORDERS  active orders held; order_created past it is refused
                                      (default 500000)
  --client-queue-bytes BYTES  CLIENT_QUEUE_BYTES  live stream bytes queued per client before it is
                                      dropped as slow (default 4194304)
  --stream-bytes-total BYTES  STREAM_BYTES_TOTAL  bytes queued for all stream clients; past it the
                                      largest backlog is dropped first (default 268435456)
  --max-body BYTES    MAX_BODY        largest POST /api/events body (default 5242880)
  --ingest-idle-s S   INGEST_IDLE_S   a streamed POST with no byte for S seconds is ended with its
                                      tally (default 120; never cut for total time)
  --max-future-s S    MAX_FUTURE_S    an event stamped more than S s ahead of the relay's clock is
                                      applied at receipt and flagged future_timestamp (default 60)
  --max-clients N     MAX_CLIENTS     stream clients open at once (default 1000)
  --max-clients-per-address N  MAX_CLIENTS_PER_ADDRESS  … from one remote address (default 100)
  --max-ingests N     MAX_INGESTS     POST /api/events requests read at once (default 64)
  --heartbeat-ms N    HEARTBEAT_MS    stream heartbeat interval (default 5000)
  --keep-terminal N   KEEP_TERMINAL   terminal orders kept in the relay's book (default 50000)
  --log-level L       LOG_LEVEL       pino level: debug, info, warn, error, silent (default info)
  --log-requests      LOG_REQUESTS=1  a log line for every HTTP request (default: only when stdout is
                                      not a terminal; otherwise at debug); LOG_REQUESTS=0 turns it off
  --data-dir DIR      DATA_DIR        the journal (SQLite, orderwatch.db) keeping every accepted
                                      event across restarts (default ./data); none: memory only
  --fsync MODE        FSYNC           normal: a commit survives a relay crash (default); always:
                                      also a power loss (each commit waits for the disk)
  --checkpoint-events N  CHECKPOINT_EVENTS  a checkpoint of the book every N events (default 200000)
  --checkpoint-s S    CHECKPOINT_S    … or every S seconds, whichever first (default 600)
  --retention-days D  RETENTION_DAYS  journaled events are kept D days (default 7)
  --journal-max-bytes BYTES  JOURNAL_MAX_BYTES  … and the journal at most this big; the oldest
                                      events go first (default 8589934592)
  --stale-new-ack-s S        STALE_NEW_ACK_S        a NEW order not acknowledged (OPEN) within S s is
                                                    stale (default 30; off: turns the rule off)
  --stale-open-no-fill-s S   STALE_OPEN_NO_FILL_S   an OPEN order with no fill S s after it was
                                                    submitted is stale (default off)
  --stale-partial-no-fill-s S  STALE_PARTIAL_NO_FILL_S  a PARTIAL_FILL order with no new fill for S s
                                                    is stale (default off)
  --engine-silent-after S    ENGINE_SILENT_AFTER    alert when an engine with active orders (or heard
                                                    from in the last hour) sends nothing for S s
                                                    (default 60; off)
  --anomaly-burst N          ANOMALY_BURST          alert on more than N anomalies of one kind in a
                                                    minute (default 20; off)
  --reject-rate PCT          REJECT_RATE            alert when over PCT % of the orders finished in
                                                    5 min were REJECTED or FAILED (default 20; off)
  --max-order-alerts N       MAX_ORDER_ALERTS       stale orders with an alert each (default 500)
  --alert-rules FILE         ALERT_RULES            a JSON file of the rule settings above (README);
                                                    flags and environment win over it
  --webhook URL              WEBHOOKS (comma list)  post alert changes there as JSON with Slack's
                                                    "text" (repeatable)
  --store URL         REDIS_URL       keep the event log in Redis Streams (redis://HOST:PORT[/DB]) so
                                      several relays serve one view; default: in memory, no Redis
  With --store only (the same values on every relay of a cluster):
  --store-tag T              STORE_TAG              key hash tag (default orderwatch)
  --store-max-len N          STORE_MAX_LEN          MAXLEN ~ of each day's stream, in entries
                                                    (default 2000000)
  --store-retention-days N   STORE_RETENTION_DAYS   days keys live after their last write (default 7)
  --store-rollover-hour H    STORE_ROLLOVER_HOUR    UTC hour the trading day rolls over (default 0)
  --store-snapshot-events N  STORE_SNAPSHOT_EVENTS  cluster snapshot every N events (default 100000)
  --store-snapshot-ms N      STORE_SNAPSHOT_MS      … or every N ms, whichever comes first (default 60000)
  --help                              this text

  INGEST_TOKEN   POST /api/events needs "Authorization: Bearer <token>"
  VIEW_TOKEN     the page, stream, orders and /metrics need it (Bearer header, or ?token=);
                 /api/healthz without it says only {status}
  METRICS_TOKEN  /metrics needs this one instead (for a Prometheus scrape config)
  OPERATE_TOKEN  acknowledging, snoozing and silencing alerts need it (else the view token)`;

type NumericKey =
  | 'port'
  | 'simRate'
  | 'seed'
  | 'staleAfterSec'
  | 'logSize'
  | 'maxBodyBytes'
  | 'heartbeatMs'
  | 'keepTerminal'
  | 'ingestIdleSec'
  | 'maxFutureSec'
  | 'checkpointEvents'
  | 'retentionDays'
  | 'journalMaxBytes'
  | 'checkpointSec'
  | 'maxOrderAlerts'
  | MemoryBoundKey
  | ConnectionCapKey;
type ConnectionCapKey = 'maxClients' | 'maxClientsPerAddress' | 'maxIngests';
/** The byte and count bounds of issue 13. */
type MemoryBoundKey = 'logBytes' | 'maxEngines' | 'maxActiveOrders' | 'clientQueueLimit' | 'streamBytesTotal';

const NUMERIC: Record<string, { key: NumericKey; env: string; min: number; integer: boolean }> = {
  '--port': { key: 'port', env: 'PORT', min: 0, integer: true },
  '--sim-rate': { key: 'simRate', env: 'SIM_RATE', min: 0, integer: false },
  '--seed': { key: 'seed', env: 'SEED', min: 0, integer: true },
  '--stale-after': { key: 'staleAfterSec', env: 'STALE_AFTER', min: 0, integer: false },
  '--log-size': { key: 'logSize', env: 'LOG_SIZE', min: 1, integer: true },
  '--max-body': { key: 'maxBodyBytes', env: 'MAX_BODY', min: 1, integer: true },
  '--heartbeat-ms': { key: 'heartbeatMs', env: 'HEARTBEAT_MS', min: 1, integer: true },
  '--keep-terminal': { key: 'keepTerminal', env: 'KEEP_TERMINAL', min: 0, integer: true },
  '--log-bytes': { key: 'logBytes', env: 'LOG_BYTES', min: 1, integer: true },
  '--max-engines': { key: 'maxEngines', env: 'MAX_ENGINES', min: 1, integer: true },
  '--max-active-orders': { key: 'maxActiveOrders', env: 'MAX_ACTIVE_ORDERS', min: 1, integer: true },
  '--client-queue-bytes': { key: 'clientQueueLimit', env: 'CLIENT_QUEUE_BYTES', min: 1, integer: true },
  '--stream-bytes-total': { key: 'streamBytesTotal', env: 'STREAM_BYTES_TOTAL', min: 1, integer: true },
  '--ingest-idle-s': { key: 'ingestIdleSec', env: 'INGEST_IDLE_S', min: 1, integer: false },
  '--checkpoint-events': { key: 'checkpointEvents', env: 'CHECKPOINT_EVENTS', min: 1, integer: true },
  '--checkpoint-s': { key: 'checkpointSec', env: 'CHECKPOINT_S', min: 1, integer: false },
  '--retention-days': { key: 'retentionDays', env: 'RETENTION_DAYS', min: 0.001, integer: false },
  '--journal-max-bytes': { key: 'journalMaxBytes', env: 'JOURNAL_MAX_BYTES', min: 1_048_576, integer: true },
  '--max-future-s': { key: 'maxFutureSec', env: 'MAX_FUTURE_S', min: 0, integer: false },
  '--max-clients': { key: 'maxClients', env: 'MAX_CLIENTS', min: 1, integer: true },
  '--max-clients-per-address': { key: 'maxClientsPerAddress', env: 'MAX_CLIENTS_PER_ADDRESS', min: 1, integer: true },
  '--max-ingests': { key: 'maxIngests', env: 'MAX_INGESTS', min: 1, integer: true },
  '--max-order-alerts': { key: 'maxOrderAlerts', env: 'MAX_ORDER_ALERTS', min: 1, integer: true },
};

type StoreKey = 'maxLen' | 'retentionDays' | 'rolloverHourUtc' | 'snapshotEveryEvents' | 'snapshotEveryMs';

const STORE_NUMERIC: Record<string, { key: StoreKey; env: string; min: number; max?: number; integer: boolean }> = {
  '--store-max-len': { key: 'maxLen', env: 'STORE_MAX_LEN', min: 1, integer: true },
  '--store-retention-days': { key: 'retentionDays', env: 'STORE_RETENTION_DAYS', min: 1, integer: true },
  '--store-rollover-hour': { key: 'rolloverHourUtc', env: 'STORE_ROLLOVER_HOUR', min: 0, max: 23, integer: true },
  '--store-snapshot-events': { key: 'snapshotEveryEvents', env: 'STORE_SNAPSHOT_EVENTS', min: 1, integer: true },
  '--store-snapshot-ms': { key: 'snapshotEveryMs', env: 'STORE_SNAPSHOT_MS', min: 1_000, integer: true },
};

/** A hash tag goes inside `{…}` in every key: no braces, nothing a key name would trip on. */
const TAG = /^[A-Za-z0-9_.:-]{1,64}$/;

function checkTag(name: string, text: string): string {
  if (!TAG.test(text)) throw new Error(`${name}: want 1 to 64 of A–Z, a–z, 0–9, _ . : -, got ${JSON.stringify(text)}`);
  return text;
}

function checkFsync(name: string, text: string): 'normal' | 'always' {
  if (text === 'normal' || text === 'always') return text;
  throw new Error(`${name}: want normal or always, got ${JSON.stringify(text)}`);
}

function checkSwitch(name: string, text: string): boolean {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  throw new Error(`${name}: want 1 or 0, got ${JSON.stringify(text)}`);
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly config: Partial<RelayConfig> };

/** Flags win over environment variables; throws an Error with a readable message on anything wrong. */
export function parseRelayArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  const config: { -readonly [K in keyof RelayConfig]?: RelayConfig[K] } = { sim: true, dataDir: './data' };
  const tuning: { -readonly [K in keyof RedisTuning]?: RedisTuning[K] } = {};
  /** Store flags given, to refuse them without a store. */
  const storeFlags: string[] = [];
  // The rules file first: the environment and flags below win over it.
  const rulesFile = argv.find((a, i) => a.startsWith('--alert-rules=') || argv[i - 1] === '--alert-rules') ?? env.ALERT_RULES;
  if (rulesFile !== undefined && rulesFile !== '') readRulesFile(rulesFile.replace(/^--alert-rules=/, ''), config);
  for (const spec of Object.values(RULES)) {
    const text = env[spec.env];
    if (text !== undefined && text !== '') config[spec.key] = parseRule(spec.env, text, spec);
  }
  if (env.WEBHOOKS) config.webhooks = env.WEBHOOKS.split(',').map((u) => parseWebhook('WEBHOOKS', u.trim()));
  if (env.OPERATE_TOKEN) config.operateToken = env.OPERATE_TOKEN;
  for (const spec of Object.values(NUMERIC)) {
    const text = env[spec.env];
    if (text !== undefined && text !== '') config[spec.key] = parseNumber(`${spec.env}`, text, spec);
  }
  for (const spec of Object.values(STORE_NUMERIC)) {
    const text = env[spec.env];
    if (text === undefined || text === '') continue;
    tuning[spec.key] = parseNumber(spec.env, text, spec);
    storeFlags.push(spec.env);
  }
  if (env.STORE_TAG) {
    tuning.tag = checkTag('STORE_TAG', env.STORE_TAG);
    storeFlags.push('STORE_TAG');
  }
  if (env.HOST) config.host = env.HOST;
  if (env.DATA_DIR) config.dataDir = env.DATA_DIR;
  if (env.FSYNC) config.fsync = checkFsync('FSYNC', env.FSYNC);
  if (env.ALLOWED_HOSTS) config.allowedHosts = parseHostList('ALLOWED_HOSTS', env.ALLOWED_HOSTS);
  if (env.SIM === '0' || env.SIM === 'false') config.sim = false;
  if (env.SIM_FAULTS === '1' || env.SIM_FAULTS === 'true') config.simFaults = true;
  const level = env.LOG_LEVEL;
  if (level) config.logLevel = checkLevel('LOG_LEVEL', level);
  if (env.LOG_REQUESTS) config.logRequests = checkSwitch('LOG_REQUESTS', env.LOG_REQUESTS);
  if (env.INGEST_TOKEN) config.ingestToken = env.INGEST_TOKEN;
  if (env.VIEW_TOKEN) config.viewToken = env.VIEW_TOKEN;
  if (env.METRICS_TOKEN) config.metricsToken = env.METRICS_TOKEN;
  if (env.REDIS_URL) config.store = parseRedisUrl(env.REDIS_URL).url;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      const v = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const numeric = NUMERIC[flag];
    const storeNumeric = STORE_NUMERIC[flag];
    const rule = RULES[flag];
    if (numeric !== undefined) config[numeric.key] = parseNumber(flag, value(), numeric);
    else if (rule !== undefined) config[rule.key] = parseRule(flag, value(), rule);
    else if (flag === '--alert-rules') value();
    else if (flag === '--webhook') config.webhooks = [...(config.webhooks ?? []), parseWebhook(flag, value())];
    else if (storeNumeric !== undefined) {
      tuning[storeNumeric.key] = parseNumber(flag, value(), storeNumeric);
      storeFlags.push(flag);
    } else if (flag === '--store-tag') {
      tuning.tag = checkTag(flag, value());
      storeFlags.push(flag);
    } else if (flag === '--host') config.host = value();
    else if (flag === '--data-dir') config.dataDir = value();
    else if (flag === '--fsync') config.fsync = checkFsync(flag, value());
    else if (flag === '--allowed-hosts') config.allowedHosts = parseHostList(flag, value());
    else if (flag === '--no-sim') config.sim = false;
    else if (flag === '--sim-faults') config.simFaults = true;
    else if (flag === '--log-level') config.logLevel = checkLevel(flag, value());
    else if (flag === '--log-requests') config.logRequests = true;
    else if (flag === '--store') config.store = parseRedisUrl(value()).url;
    else if (flag === '--help' || flag === '-h') return { help: true };
    else throw new Error(`unknown argument ${arg} (see --help)`);
  }
  if (storeFlags.length > 0) {
    if (config.store === undefined) throw new Error(`${storeFlags[0]}: only with --store (or REDIS_URL)`);
    config.storeTuning = tuning;
  }
  return { help: false, config };
}

function checkLevel(name: string, text: string): (typeof LEVELS)[number] {
  const found = LEVELS.find((l) => l === text);
  if (found === undefined) throw new Error(`${name}: want one of ${LEVELS.join(', ')}, got ${JSON.stringify(text)}`);
  return found;
}

/** `a.example,b.example:8080` → names; a port or scheme is a mistake worth naming. */
function parseHostList(name: string, text: string): string[] {
  const hosts = text
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const bad = hosts.find((h) => h !== '*' && !/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[?[0-9a-f:.]+\]?$/.test(h));
  if (bad !== undefined || hosts.length === 0)
    throw new Error(`${name}: want comma-separated host names (no scheme or port) or *, got ${JSON.stringify(text)}`);
  return hosts;
}
