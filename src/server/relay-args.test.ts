import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRelayArgs } from './relay-args';

describe('parseRelayArgs', () => {
  it('reads flags, lets flags win over the environment, and turns the paper engine and the journal on by default', () => {
    const parsed = parseRelayArgs(['--port', '9000', '--sim-rate=200', '--stale-after', '60', '--keep-terminal', '10'], {
      PORT: '1234',
      SEED: '7',
      INGEST_TOKEN: 't',
    });
    expect(parsed).toEqual({
      help: false,
      config: { sim: true, dataDir: './data', port: 9000, seed: 7, simRate: 200, staleAfterSec: 60, keepTerminal: 10, ingestToken: 't' },
    });
    expect(parseRelayArgs(['--no-sim'], {})).toEqual({ help: false, config: { sim: false, dataDir: './data' } });
    expect(parseRelayArgs(['--data-dir', 'none', '--fsync', 'always'], { DATA_DIR: '/var/lib/ow' })).toEqual({
      help: false,
      config: { sim: true, dataDir: 'none', fsync: 'always' },
    });
    expect(parseRelayArgs([], { DATA_DIR: '/var/lib/ow', FSYNC: 'normal' })).toEqual({
      help: false,
      config: { sim: true, dataDir: '/var/lib/ow', fsync: 'normal' },
    });
    expect(() => parseRelayArgs(['--fsync', 'sometimes'], {})).toThrow('--fsync: want normal or always, got "sometimes"');
    expect(parseRelayArgs(['--help'], {})).toEqual({ help: true });
    expect(parseRelayArgs(['-h'], {})).toEqual({ help: true });
  });

  it('--log-requests and LOG_REQUESTS=1/0; left unset, main decides by whether stdout is a terminal', () => {
    const logRequests = (argv: string[], env: Record<string, string>) => {
      const parsed = parseRelayArgs(argv, env);
      return parsed.help ? 'help' : parsed.config.logRequests;
    };
    expect(logRequests([], {})).toBeUndefined();
    expect(logRequests(['--log-requests'], {})).toBe(true);
    expect(logRequests([], { LOG_REQUESTS: '1' })).toBe(true);
    expect(logRequests([], { LOG_REQUESTS: '0' })).toBe(false);
    expect(logRequests(['--log-requests'], { LOG_REQUESTS: '0' })).toBe(true);
    expect(() => parseRelayArgs([], { LOG_REQUESTS: 'yes' })).toThrow('LOG_REQUESTS: want 1 or 0, got "yes"');
  });

  it('names the flag and the problem on bad input', () => {
    expect(() => parseRelayArgs(['--port', 'x'], {})).toThrow('--port: want an integer ≥ 0, got "x"');
    expect(() => parseRelayArgs(['--log-size', '0'], {})).toThrow('--log-size: want an integer ≥ 1');
    expect(() => parseRelayArgs(['--max-body'], {})).toThrow('--max-body needs a value');
    expect(() => parseRelayArgs([], { HEARTBEAT_MS: '-5' })).toThrow('HEARTBEAT_MS: want an integer ≥ 1');
    expect(() => parseRelayArgs(['--log-level', 'loud'], {})).toThrow('--log-level: want one of');
  });

  it('reads the alert rules from flags, the environment and an --alert-rules file, flags and environment winning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orderwatch-rules-')), 'rules.json');
    writeFileSync(file, JSON.stringify({ stale_new_ack_s: 10, engine_silent_after_s: null, reject_rate_pct: 5, max_order_alerts: 50 }));
    const parsed = parseRelayArgs(['--alert-rules', file, '--reject-rate', '7', '--webhook', 'http://127.0.0.1:9/hook'], {
      ANOMALY_BURST: 'off',
    });
    expect(parsed.help === false && parsed.config).toMatchObject({
      staleNewAckSec: 10,
      engineSilentAfterSec: null,
      rejectRatePct: 7,
      anomalyBurstPerMin: null,
      maxOrderAlerts: 50,
      webhooks: ['http://127.0.0.1:9/hook'],
    });
    writeFileSync(file, JSON.stringify({ stale_ack: 3 }));
    expect(() => parseRelayArgs(['--alert-rules', file], {})).toThrow(`--alert-rules ${file}: stale_ack: unknown setting`);
    expect(() => parseRelayArgs(['--webhook', 'ftp://x'], {})).toThrow('--webhook: want an http(s) URL');
  });
});
