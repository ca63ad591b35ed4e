import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { Gauge } from 'prom-client';
import { ALERT_RULES, ALERT_SEVERITY } from '../../core/alert';
import type { AlertRulesConfig } from '../../core/alert-rules';
import { DEFAULT_ALERT_RULES } from '../../core/alert-rules';
import { thresholdsOf } from '../../core/stale-rules';
import { alertsMessages, enginesMessage } from '../../protocol/alert-messages';
import type { Journal } from '../journal/journal';
import type { RelayConfig } from '../relay-config';
import type { RelayState } from '../relay-state';
import type { StreamHub } from '../stream-hub';
import { mirrorCounterByLabel } from '../prom-mirror';
import type { AlertStore } from './alert-journal';
import { MemoryAlertStore, SqliteAlertStore } from './alert-journal';
import { AlertService } from './alert-service';
import type { SharedAlertActions } from './shared-alert-actions';
import { Webhooks } from './webhooks';

export function alertRulesOf(config: RelayConfig): AlertRulesConfig {
  return {
    ...DEFAULT_ALERT_RULES,
    stale: thresholdsOf(config.staleAfterSec, {
      newAckSec: config.staleNewAckSec,
      openNoFillSec: config.staleOpenNoFillSec,
      partialNoFillSec: config.stalePartialNoFillSec,
    }),
    maxOrderAlerts: config.maxOrderAlerts,
    engineSilentAfterSec: config.engineSilentAfterSec,
    anomalyBurstPerMin: config.anomalyBurstPerMin,
    rejectRatePct: config.rejectRatePct,
  };
}

export interface RelayAlerts {
  readonly service: AlertService;
  readonly store: AlertStore;
  readonly webhooks: Webhooks;
  stop(): void;
}

export interface AlertWiringDeps {
  readonly config: RelayConfig;
  readonly state: RelayState;
  readonly hub: StreamHub;
  readonly logger: Logger;
  readonly journal: Journal | undefined;
  readonly degraded: () => string | undefined;
  /** `--store` mode: operator actions shared through Redis with every relay of the cluster. */
  readonly share?: SharedAlertActions | undefined;
}

/** The alert service with its store, stream messages, webhooks and evaluation timer. */
export function startAlerts(deps: AlertWiringDeps): RelayAlerts {
  const { config, hub, logger } = deps;
  const sqlite = deps.journal === undefined ? undefined : new SqliteAlertStore(deps.journal.database);
  const store: AlertStore = sqlite ?? new MemoryAlertStore();
  const webhooks = new Webhooks(config.webhooks, logger);
  const service = new AlertService({
    book: deps.state.book,
    engineEvents: deps.state.engineEvents,
    rules: alertRulesOf(config),
    now: config.now,
    store,
    degraded: deps.degraded,
    logger,
    onChange: (alerts) => {
      hub.broadcast(alertsMessages(alerts, false));
      webhooks.push(alerts);
    },
    onEvaluated: (engines, staleTotal) => hub.broadcast([enginesMessage({ now: config.now(), engines, stale_total: staleTotal })]),
    share: deps.share === undefined ? undefined : (action) => deps.share!.publish(action),
  });
  deps.share?.follow((action) => service.applyRemote(action));
  // An alert evaluation is a few ms on a big book: never more than one per interval, never overlapping.
  const timer = setInterval(() => {
    try {
      service.tick();
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'alert: evaluation failed');
    }
  }, config.alertEvalMs);
  timer.unref();
  const prune =
    sqlite === undefined ? undefined : setInterval(() => sqlite.prune(config.now() - config.retentionDays * 86_400_000), 3_600_000);
  prune?.unref();
  return {
    service,
    store,
    webhooks,
    stop: () => {
      void deps.share?.close();
      clearInterval(timer);
      if (prune !== undefined) clearInterval(prune);
      webhooks.stop();
    },
  };
}

/** What a new stream client gets after its snapshot: every alert the relay holds, then the engines. */
export function alertGreeting(alerts: RelayAlerts, config: RelayConfig): string[] {
  const { service } = alerts;
  const rules = {
    new_ack_s: config.staleNewAckSec,
    open_no_fill_s: config.staleOpenNoFillSec,
    partial_no_fill_s: config.stalePartialNoFillSec,
  };
  return [
    ...alertsMessages(service.list(), true, rules),
    enginesMessage({ now: config.now(), engines: service.engines, stale_total: service.staleTotal }),
  ];
}

export function registerAlertMetrics(
  registry: Registry,
  alerts: RelayAlerts,
  now: () => number,
  engineEvents: ReadonlyMap<string, number>,
): void {
  mirrorCounterByLabel(
    registry,
    'orderwatch_engine_events_total',
    'Events accepted from each engine, heartbeats included (rate() gives its events/s)',
    'engine',
    () => engineEvents,
  );
  new Gauge({
    name: 'orderwatch_alerts_firing',
    help: 'Alerts firing and not acknowledged, snoozed or silenced, by rule and severity',
    labelNames: ['rule', 'severity'],
    registers: [registry],
    collect() {
      this.reset();
      for (const rule of ALERT_RULES) this.set({ rule, severity: ALERT_SEVERITY[rule] }, 0);
      for (const alert of alerts.service.book.open.values()) {
        if (alert.state === 'firing') this.inc({ rule: alert.rule, severity: alert.severity });
      }
    },
  });
  new Gauge({
    name: 'orderwatch_alerts_open',
    help: 'Alerts not resolved (firing, acknowledged or snoozed), by rule and state',
    labelNames: ['rule', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const alert of alerts.service.book.open.values()) this.inc({ rule: alert.rule, state: alert.state });
    },
  });
  new Gauge({
    name: 'orderwatch_engine_last_event_age_seconds',
    help: "Seconds since each engine's latest event or heartbeat (by its ts)",
    labelNames: ['engine'],
    registers: [registry],
    collect() {
      this.reset();
      const at = now();
      for (const e of alerts.service.engines) this.set({ engine: e.engine }, Math.max(0, (at - e.last_ts) / 1000));
    },
  });
  new Gauge({
    name: 'orderwatch_engine_silent',
    help: '1 while an engine is silent past --engine-silent-after',
    labelNames: ['engine'],
    registers: [registry],
    collect() {
      this.reset();
      for (const e of alerts.service.engines) this.set({ engine: e.engine }, e.silent ? 1 : 0);
    },
  });
  new Gauge({
    name: 'orderwatch_engine_orders',
    help: "Each engine's active, stale and rejected orders in the relay's book",
    labelNames: ['engine', 'kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const e of alerts.service.engines) {
        this.set({ engine: e.engine, kind: 'active' }, e.active);
        this.set({ engine: e.engine, kind: 'stale' }, e.stale);
        this.set({ engine: e.engine, kind: 'rejected' }, e.rejected);
      }
    },
  });
  const figures = alerts.webhooks.figures;
  mirrorCounterByLabel(
    registry,
    'orderwatch_webhook_deliveries_total',
    'Alert changes posted to webhooks, by outcome (failed: after every retry; dropped: queue full)',
    'outcome',
    () => (['sent', 'failed', 'dropped'] as const).map((outcome) => [outcome, figures[outcome]] as const),
  );
}
