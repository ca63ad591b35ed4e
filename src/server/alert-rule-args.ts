import { readFileSync } from 'node:fs';
import { parseNumber } from './arg-number';
import type { RelayConfig } from './relay-config';

/* The alert rule flags of issue 16 and their --alert-rules file, apart from the relay's other flags. */

type RuleKey =
  'staleNewAckSec' | 'staleOpenNoFillSec' | 'stalePartialNoFillSec' | 'engineSilentAfterSec' | 'anomalyBurstPerMin' | 'rejectRatePct';

/** Alert rule settings: a number, or `off`. The file key is the same in snake case. */
export const RULES: Record<string, { key: RuleKey; env: string; file: string; min: number; max?: number }> = {
  '--stale-new-ack-s': { key: 'staleNewAckSec', env: 'STALE_NEW_ACK_S', file: 'stale_new_ack_s', min: 0 },
  '--stale-open-no-fill-s': { key: 'staleOpenNoFillSec', env: 'STALE_OPEN_NO_FILL_S', file: 'stale_open_no_fill_s', min: 0 },
  '--stale-partial-no-fill-s': { key: 'stalePartialNoFillSec', env: 'STALE_PARTIAL_NO_FILL_S', file: 'stale_partial_no_fill_s', min: 0 },
  '--engine-silent-after': { key: 'engineSilentAfterSec', env: 'ENGINE_SILENT_AFTER', file: 'engine_silent_after_s', min: 1 },
  '--anomaly-burst': { key: 'anomalyBurstPerMin', env: 'ANOMALY_BURST', file: 'anomaly_burst_per_min', min: 1 },
  '--reject-rate': { key: 'rejectRatePct', env: 'REJECT_RATE', file: 'reject_rate_pct', min: 0, max: 100 },
};

export function parseRule(name: string, text: string, spec: { min: number; max?: number }): number | null {
  return text === 'off' ? null : parseNumber(name, text, { ...spec, integer: false });
}

/** The `--alert-rules` file: the rule settings by their snake-case names, plus stale_after_s and max_order_alerts. */
export function readRulesFile(path: string, config: { -readonly [K in keyof RelayConfig]?: RelayConfig[K] }): void {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--alert-rules ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`--alert-rules ${path}: want a JSON object`);
  const known = new Map(Object.values(RULES).map((spec) => [spec.file, spec]));
  for (const [name, raw] of Object.entries(value)) {
    const where = `--alert-rules ${path}: ${name}`;
    const text = raw === null || raw === false ? 'off' : String(raw);
    const spec = known.get(name);
    if (spec !== undefined) config[spec.key] = parseRule(where, text, spec);
    else if (name === 'stale_after_s') config.staleAfterSec = parseNumber(where, text, { min: 0, integer: false });
    else if (name === 'max_order_alerts') config.maxOrderAlerts = parseNumber(where, text, { min: 1, integer: true });
    else throw new Error(`${where}: unknown setting (want ${[...known.keys(), 'stale_after_s', 'max_order_alerts'].join(', ')})`);
  }
}

export function parseWebhook(name: string, text: string): string {
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol))
    throw new Error(`${name}: want an http(s) URL, got ${JSON.stringify(text)}`);
  return text;
}
