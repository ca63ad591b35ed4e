import type { RelayConfig } from './relay-config';
import type { RedisTuning } from './redis/open-replica';
import { parseRedisUrl } from './redis/redis-url';
import { parseNumber } from './arg-number';
import { parseRule, parseWebhook, readRulesFile, RULES } from './alert-rule-args';
import type { Flag, FlagTable } from '../command-line/flag-table';
import { formatUsage, readFlags } from '../command-line/flag-table';

type MutableConfig = { -readonly [K in keyof RelayConfig]?: RelayConfig[K] };

/** What the flags and variables fill in; store tuning is kept apart to refuse it without a store. */
interface Settings {
  readonly config: MutableConfig;
  readonly tuning: { -readonly [K in keyof RedisTuning]?: RedisTuning[K] };
  /** Store flags given, to refuse them without a store. */
  readonly storeFlags: string[];
}

type NumberKey = { [K in keyof RelayConfig]-?: number extends RelayConfig[K] ? K : never }[keyof RelayConfig];
type RuleKey = (typeof RULES)[string]['key'];
type StoreKey = 'maxLen' | 'retentionDays' | 'rolloverHourUtc' | 'snapshotEveryEvents' | 'snapshotEveryMs';
type Range = { min: number; max?: number; integer: boolean };

const text = (value: string | undefined, from: string): string => {
  if (value === undefined) throw new Error(`${from} needs a value`);
  return value;
};

const int = (min: number, max?: number): Range => ({ min, max, integer: true });
const real = (min: number): Range => ({ min, integer: false });

function numeric(flag: string, value: string, env: string, key: NumberKey, range: Range, help: string): Flag<Settings> {
  return { flag, value, env, help, apply: (s, t, from) => void (s.config[key] = parseNumber(from, text(t, from), range)) };
}

function rule(flag: string, help: string): Flag<Settings> {
  const spec = RULES[flag]!;
  const key: RuleKey = spec.key;
  return { flag, value: 'S', env: spec.env, help, apply: (s, t, from) => void (s.config[key] = parseRule(from, text(t, from), spec)) };
}

const STORE_GROUP = 'With --store only (the same values on every relay of a cluster):';

function store(flag: string, value: string, env: string, key: StoreKey, range: Range, help: string): Flag<Settings> {
  return {
    flag,
    value,
    env,
    help,
    group: STORE_GROUP,
    apply: (s, t, from) => {
      s.tuning[key] = parseNumber(from, text(t, from), range);
      s.storeFlags.push(from);
    },
  };
}

/** A string setting: `read` checks it and gives the value. */
function setting<K extends keyof RelayConfig>(
  flag: string | undefined,
  value: string,
  env: string,
  key: K,
  read: (from: string, text: string) => RelayConfig[K],
  help: string,
  group?: string,
): Flag<Settings> {
  return { flag, value, env, help, group, apply: (s, t, from) => void (s.config[key] = read(from, text(t, from))) };
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const LEVELS_SHOWN = 'debug, info, warn, error, silent';
const asIs = (_from: string, t: string): string => t;
const SECRETS = 'From the environment only:';

/** Every relay setting: flag, variable, --help text and how it is read (README's configuration tables follow it). */
export const RELAY_FLAGS: FlagTable<Settings> = [
  numeric('--port', 'N', 'PORT', 'port', int(0), 'HTTP port (default 8080; 0 picks a free one)'),
  setting('--host', 'H', 'HOST', 'host', asIs, 'bind address (default 127.0.0.1); anything but loopback requires INGEST_TOKEN'),
  setting(
    '--allowed-hosts',
    'A,B',
    'ALLOWED_HOSTS',
    'allowedHosts',
    parseHostList,
    'Host names the relay answers to beside loopback and the bind address (DNS-rebinding defence; others get 421); * for any',
  ),
  {
    flag: '--no-sim',
    env: 'SIM=0',
    help: 'no built-in paper engine (for a real engine)',
    apply: (s, t, from) => void (s.config.sim = t === undefined ? false : checkSwitch(from, t)),
  },
  numeric('--sim-rate', 'N', 'SIM_RATE', 'simRate', real(0), 'paper engine events per second (default 50)'),
  {
    flag: '--sim-faults',
    env: 'SIM_FAULTS=1',
    help: 'paper engine injects anomalies now and then (demos)',
    apply: (s, t, from) => void (s.config.simFaults = t === undefined ? true : checkSwitch(from, t)),
  },
  numeric('--seed', 'N', 'SEED', 'seed', int(0), 'paper engine seed (default 1)'),
  numeric('--stale-after', 'S', 'STALE_AFTER', 'staleAfterSec', real(0), 'seconds after which an active order is stale (default 300)'),
  numeric('--log-size', 'N', 'LOG_SIZE', 'logSize', int(1), 'events kept for Last-Event-ID resume (default 100000)'),
  numeric('--log-bytes', 'BYTES', 'LOG_BYTES', 'logBytes', int(1), '… and at most this many bytes of their JSON (default 268435456)'),
  numeric(
    '--max-engines',
    'N',
    'MAX_ENGINES',
    'maxEngines',
    int(1),
    'distinct engines tracked; events from one more are refused (default 1000)',
  ),
  numeric(
    '--max-active-orders',
    'N',
    'MAX_ACTIVE_ORDERS',
    'maxActiveOrders',
    int(1),
    'active orders held; order_created past it is refused (default 500000)',
  ),
  numeric(
    '--client-queue-bytes',
    'BYTES',
    'CLIENT_QUEUE_BYTES',
    'clientQueueLimit',
    int(1),
    'live stream bytes queued per client before it is dropped as slow (default 4194304)',
  ),
  numeric(
    '--stream-bytes-total',
    'BYTES',
    'STREAM_BYTES_TOTAL',
    'streamBytesTotal',
    int(1),
    'bytes queued for all stream clients; past it the largest backlog is dropped first (default 268435456)',
  ),
  numeric('--max-body', 'BYTES', 'MAX_BODY', 'maxBodyBytes', int(1), 'largest POST /api/events body (default 5242880)'),
  numeric(
    '--ingest-idle-s',
    'S',
    'INGEST_IDLE_S',
    'ingestIdleSec',
    real(1),
    'a streamed POST with no byte for S seconds is ended with its tally (default 120; never cut for total time)',
  ),
  numeric(
    '--max-future-s',
    'S',
    'MAX_FUTURE_S',
    'maxFutureSec',
    real(0),
    "an event stamped more than S s ahead of the relay's clock is applied at receipt and flagged future_timestamp (default 60)",
  ),
  numeric('--max-clients', 'N', 'MAX_CLIENTS', 'maxClients', int(1), 'stream clients open at once (default 1000)'),
  numeric(
    '--max-clients-per-address',
    'N',
    'MAX_CLIENTS_PER_ADDRESS',
    'maxClientsPerAddress',
    int(1),
    '… from one remote address (default 100)',
  ),
  numeric('--max-ingests', 'N', 'MAX_INGESTS', 'maxIngests', int(1), 'POST /api/events requests read at once (default 64)'),
  numeric('--heartbeat-ms', 'N', 'HEARTBEAT_MS', 'heartbeatMs', int(1), 'stream heartbeat interval (default 5000)'),
  numeric('--keep-terminal', 'N', 'KEEP_TERMINAL', 'keepTerminal', int(0), "terminal orders kept in the relay's book (default 50000)"),
  setting('--log-level', 'L', 'LOG_LEVEL', 'logLevel', checkLevel, `pino level: ${LEVELS_SHOWN} (default info)`),
  {
    flag: '--log-requests',
    env: 'LOG_REQUESTS=1',
    help: 'a log line for every HTTP request (default: only when stdout is not a terminal; otherwise at debug); LOG_REQUESTS=0 turns it off',
    apply: (s, t, from) => void (s.config.logRequests = t === undefined ? true : checkSwitch(from, t)),
  },
  setting(
    '--data-dir',
    'DIR',
    'DATA_DIR',
    'dataDir',
    asIs,
    'the journal (SQLite, orderwatch.db) keeping every accepted event across restarts (default ./data); none: memory only',
  ),
  setting(
    '--fsync',
    'MODE',
    'FSYNC',
    'fsync',
    checkFsync,
    'normal: a commit survives a relay crash (default); always: also a power loss (each commit waits for the disk)',
  ),
  numeric(
    '--checkpoint-events',
    'N',
    'CHECKPOINT_EVENTS',
    'checkpointEvents',
    int(1),
    'a checkpoint of the book every N events (default 200000)',
  ),
  numeric('--checkpoint-s', 'S', 'CHECKPOINT_S', 'checkpointSec', real(1), '… or every S seconds, whichever first (default 600)'),
  numeric('--retention-days', 'D', 'RETENTION_DAYS', 'retentionDays', real(0.001), 'journaled events are kept D days (default 7)'),
  numeric(
    '--journal-max-bytes',
    'BYTES',
    'JOURNAL_MAX_BYTES',
    'journalMaxBytes',
    int(1_048_576),
    '… and the journal at most this big; the oldest events go first (default 8589934592)',
  ),
  rule('--stale-new-ack-s', 'a NEW order not acknowledged (OPEN) within S s is stale (default 30; off: turns the rule off)'),
  rule('--stale-open-no-fill-s', 'an OPEN order with no fill S s after it was submitted is stale (default off)'),
  rule('--stale-partial-no-fill-s', 'a PARTIAL_FILL order with no new fill for S s is stale (default off)'),
  rule(
    '--engine-silent-after',
    'alert when an engine with active orders (or heard from in the last hour) sends nothing for S s (default 60; off)',
  ),
  { ...rule('--anomaly-burst', 'alert on more than N anomalies of one kind in a minute (default 20; off)'), value: 'N' },
  {
    ...rule('--reject-rate', 'alert when over PCT % of the orders finished in 5 min were REJECTED or FAILED (default 20; off)'),
    value: 'PCT',
  },
  numeric('--max-order-alerts', 'N', 'MAX_ORDER_ALERTS', 'maxOrderAlerts', int(1), 'stale orders with an alert each (default 500)'),
  {
    flag: '--alert-rules',
    value: 'FILE',
    env: 'ALERT_RULES',
    first: true,
    help: 'a JSON file of the rule settings above (README); flags and environment win over it',
    apply: (s, t, from) => readRulesFile(text(t, from), s.config),
  },
  {
    flag: '--webhook',
    value: 'URL',
    env: 'WEBHOOKS',
    multiple: true,
    help: 'post alert changes there as JSON with Slack\'s "text" (repeatable; WEBHOOKS: a comma list)',
    apply: (s, t, from) => {
      const urls = from === 'WEBHOOKS' ? text(t, from).split(',') : [text(t, from)];
      s.config.webhooks = [...(s.config.webhooks ?? []), ...urls.map((u) => parseWebhook(from, u.trim()))];
    },
  },
  setting(
    '--store',
    'URL',
    'REDIS_URL',
    'store',
    (_from, t) => parseRedisUrl(t).url,
    'keep the event log in Redis Streams (redis://HOST:PORT[/DB]) so several relays serve one view; default: in memory, no Redis',
  ),
  {
    flag: '--store-tag',
    value: 'T',
    env: 'STORE_TAG',
    group: STORE_GROUP,
    help: 'key hash tag (default orderwatch)',
    apply: (s, t, from) => {
      s.tuning.tag = checkTag(from, text(t, from));
      s.storeFlags.push(from);
    },
  },
  store('--store-max-len', 'N', 'STORE_MAX_LEN', 'maxLen', int(1), "MAXLEN ~ of each day's stream, in entries (default 2000000)"),
  store(
    '--store-retention-days',
    'N',
    'STORE_RETENTION_DAYS',
    'retentionDays',
    int(1),
    'days keys live after their last write (default 7)',
  ),
  store(
    '--store-rollover-hour',
    'H',
    'STORE_ROLLOVER_HOUR',
    'rolloverHourUtc',
    int(0, 23),
    'UTC hour the trading day rolls over (default 0)',
  ),
  store(
    '--store-snapshot-events',
    'N',
    'STORE_SNAPSHOT_EVENTS',
    'snapshotEveryEvents',
    int(1),
    'cluster snapshot every N events (default 100000)',
  ),
  store(
    '--store-snapshot-ms',
    'N',
    'STORE_SNAPSHOT_MS',
    'snapshotEveryMs',
    int(1_000),
    '… or every N ms, whichever comes first (default 60000)',
  ),
  { flag: '--help', short: 'h', help: 'this text', apply: () => undefined },
  setting(undefined, 'TOKEN', 'INGEST_TOKEN', 'ingestToken', asIs, 'POST /api/events needs "Authorization: Bearer <token>"', SECRETS),
  setting(
    undefined,
    'TOKEN',
    'VIEW_TOKEN',
    'viewToken',
    asIs,
    'the page, stream, orders and /metrics need it (Bearer header, or ?token=); /api/healthz without it says only {status}',
    SECRETS,
  ),
  setting(
    undefined,
    'TOKEN',
    'METRICS_TOKEN',
    'metricsToken',
    asIs,
    '/metrics needs this one instead (for a Prometheus scrape config)',
    SECRETS,
  ),
  setting(
    undefined,
    'TOKEN',
    'OPERATE_TOKEN',
    'operateToken',
    asIs,
    'acknowledging, snoozing and silencing alerts need it (else the view token)',
    SECRETS,
  ),
];

export const RELAY_USAGE = formatUsage('usage: npm start -- [flags]          (each flag can also come from the environment)', RELAY_FLAGS);

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

export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly config: Partial<RelayConfig> };

/** Flags win over environment variables; throws an Error with a readable message on anything wrong. */
export function parseRelayArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  const settings: Settings = { config: { sim: true, dataDir: './data' }, tuning: {}, storeFlags: [] };
  if (readFlags(RELAY_FLAGS, argv, env, settings).help) return { help: true };
  const { config, tuning, storeFlags } = settings;
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
