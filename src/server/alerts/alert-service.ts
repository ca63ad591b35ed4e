import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Alert, AlertAction } from '../../core/alert';
import { compareAlerts } from '../../core/alert';
import type { ActResult, AlertBook } from '../../core/alert-book';
import { act, allAlerts, createAlertBook, findAlert, keyOfId, reconcile, remoteTarget } from '../../core/alert-book';
import type { AlertRulesConfig, EngineHealth } from '../../core/alert-rules';
import { evaluateRules } from '../../core/alert-rules';
import type { AnomalyKind } from '../../core/anomaly';
import { CounterWindow } from '../../core/counter-window';
import type { Order } from '../../core/order';
import type { OrderBook } from '../../core/book';
import type { AckRequest, SilenceRequest, SnoozeRequest } from '../../protocol/alert-messages';
import type { AlertStore } from './alert-journal';

export interface AlertServiceDeps {
  readonly book: OrderBook;
  /** Events accepted per engine so far (RelayState.engineEvents). */
  readonly engineEvents?: ReadonlyMap<string, number>;
  readonly rules: AlertRulesConfig;
  readonly now: () => number;
  readonly store: AlertStore;
  /** Why the relay's event store fails, or undefined while it works. */
  readonly degraded: () => string | undefined;
  readonly logger: Logger;
  /** Alerts whose visible state changed, after they were saved: to the stream, webhooks and metrics. */
  readonly onChange: (alerts: readonly Alert[]) => void;
  /** After each evaluation: each engine's health, for the stream. */
  readonly onEvaluated: (engines: readonly EngineHealth[], staleTotal: number) => void;
  /** `--store` mode: what an operator did here, for the other relays of the cluster. */
  readonly share?: ((action: AlertAction) => void) | undefined;
}

const RATE_WINDOW_MS = 10_000;

/** Actions from other relays about alerts this one has not raised yet (it may be a second behind): kept this many. */
const PENDING_LIMIT = 10_000;

/**
 * The relay's alerting: evaluates the rules on its own clock (`tick`, once a second), so alerts
 * fire with no browser open, and applies what operators do. Every change is saved before it is
 * announced, so a restarted relay shows the same alerts with the same acknowledgements.
 */
export class AlertService {
  readonly book: AlertBook = createAlertBook();
  private readonly anomalies = new CounterWindow<AnomalyKind>(60_000);
  private readonly finishes: CounterWindow<'total' | 'failed'>;
  private readonly finished = { total: 0, failed: 0 };
  private degradedSince: number | undefined;
  private readonly pending = new Map<string, AlertAction>();
  /** Per-engine event counts a few seconds back, for events/s: [at, counts] oldest first. */
  private readonly rateSamples: { at: number; counts: Map<string, number> }[] = [];
  engines: readonly EngineHealth[] = [];
  staleTotal = 0;
  evaluations = 0;

  constructor(private readonly deps: AlertServiceDeps) {
    this.finishes = new CounterWindow(deps.rules.rejectWindowSec * 1000);
    const saved = deps.store.load(deps.now());
    for (const alert of saved.open) this.book.open.set(alert.key, alert);
    for (const silence of saved.silences) this.book.silences.set(silence.id, silence);
  }

  /** An order finished (counts for reject_rate). */
  readonly noteFinished = (order: Order): void => {
    this.finished.total++;
    if (order.status === 'REJECTED' || order.status === 'FAILED') this.finished.failed++;
  };

  tick(): void {
    const { book, rules } = this.deps;
    const now = this.deps.now();
    this.anomalies.sample(now, book.anomalyCounts);
    this.finishes.sample(now, this.finished);
    const reason = this.deps.degraded();
    if (reason === undefined) this.degradedSince = undefined;
    else this.degradedSince ??= now;
    const finished = this.finishes.over();
    const evaluation = evaluateRules(
      {
        book,
        now,
        anomaliesLastMinute: this.anomalies.over(),
        finished: { total: finished.total ?? 0, failed: finished.failed ?? 0 },
        degraded: reason === undefined ? null : { reason, since: this.degradedSince ?? now },
      },
      rules,
      (key) => this.book.open.has(key),
    );
    this.evaluations++;
    this.engines = this.withRates(evaluation.engines, now);
    this.staleTotal = evaluation.staleTotal;
    const changed = reconcile(this.book, evaluation.conditions, now);
    this.announce(changed);
    // Another relay acknowledged an alert before this one raised it: it holds here too.
    for (const alert of changed) {
      if (alert.state === 'resolved') continue;
      for (const waiting of this.takePending(alert)) this.applyRemote(waiting);
    }
    this.deps.onEvaluated(this.engines, evaluation.staleTotal);
  }

  /** Each engine's events/s over the last RATE_WINDOW_MS, from the relay's own counts. */
  private withRates(engines: readonly EngineHealth[], now: number): EngineHealth[] {
    const counts = this.deps.engineEvents;
    if (counts === undefined) return [...engines];
    this.rateSamples.push({ at: now, counts: new Map(counts) });
    while (this.rateSamples.length > 2 && this.rateSamples[1]!.at <= now - RATE_WINDOW_MS) this.rateSamples.shift();
    const base = this.rateSamples[0]!;
    const seconds = (now - base.at) / 1000;
    return engines.map((e) =>
      seconds <= 0
        ? e
        : { ...e, events_per_s: Math.round((((counts.get(e.engine) ?? 0) - (base.counts.get(e.engine) ?? 0)) / seconds) * 10) / 10 },
    );
  }

  list(): Alert[] {
    return allAlerts(this.book).sort(compareAlerts);
  }

  ack(id: string, request: AckRequest): ActResult {
    const now = this.deps.now();
    return this.apply({ type: 'ack', id, by: request.by, comment: request.comment, at: now }, now);
  }

  snooze(id: string, request: SnoozeRequest): ActResult {
    const now = this.deps.now();
    return this.apply({ type: 'snooze', id, by: request.by, until: now + request.minutes * 60_000, at: now }, now);
  }

  unack(id: string, by: string): ActResult {
    const now = this.deps.now();
    return this.apply({ type: 'unack', id, by, at: now }, now);
  }

  silence(request: SilenceRequest): ActResult & { id?: string } {
    const now = this.deps.now();
    const silence = {
      id: randomUUID(),
      matcher: request.matcher,
      ends_at: now + request.minutes * 60_000,
      by: request.by,
      comment: request.comment,
      created_at: now,
    };
    const result = this.apply({ type: 'silence', silence }, now);
    return result.ok ? { ...result, id: silence.id } : result;
  }

  unsilence(id: string, by: string): ActResult {
    const now = this.deps.now();
    return this.apply({ type: 'unsilence', silence_id: id, by, at: now }, now);
  }

  /** An action another relay of the cluster took: applied here as if taken here, never shared again. */
  applyRemote(action: AlertAction): void {
    const now = this.deps.now();
    const target = remoteTarget(this.book, action);
    if (target === undefined) {
      // Not raised here yet (this relay may be a second behind): it waits. One resolved here, or a
      // later episode of a relay-wide condition, is not what the operator acted on.
      if ('id' in action && findAlert(this.book, action.id) === undefined && !this.book.open.has(keyOfId(action.id))) {
        this.pending.set(action.id, action);
        if (this.pending.size > PENDING_LIMIT) this.pending.delete(this.pending.keys().next().value!);
      }
      return;
    }
    const result = act(this.book, target, now);
    if (!result.ok) return;
    this.record(target, now);
    this.announce(result.changed);
  }

  /** Actions from other relays waiting for `alert`: by its id, or a relay-wide one by its condition. */
  private takePending(alert: Alert): AlertAction[] {
    const exact = this.pending.get(alert.id);
    if (exact !== undefined) {
      this.pending.delete(alert.id);
      return [exact];
    }
    if (alert.subject.kind !== 'relay') return [];
    const waiting: AlertAction[] = [];
    for (const [id, action] of this.pending) {
      if (keyOfId(id) !== alert.key) continue;
      this.pending.delete(id);
      waiting.push(action);
    }
    return waiting;
  }

  private record(action: AlertAction, now: number): void {
    try {
      this.deps.store.record(action, now);
    } catch (error) {
      this.deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'alert: could not save an operator action');
    }
  }

  private apply(action: AlertAction, now: number): ActResult {
    const result = act(this.book, action, now);
    if (!result.ok) return result;
    this.record(action, now);
    this.deps.share?.(action);
    this.deps.logger.info({ action }, 'alert: operator action');
    this.announce(result.changed);
    return result;
  }

  private announce(changed: readonly Alert[]): void {
    if (changed.length === 0) return;
    try {
      this.deps.store.saveAlerts(changed);
    } catch (error) {
      // The stream and webhooks still get it: an operator must hear of an alert the disk could not keep.
      this.deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'alert: could not save alert changes');
    }
    for (const alert of changed) {
      if (alert.state === 'firing' || alert.state === 'resolved') {
        this.deps.logger.info({ id: alert.id, rule: alert.rule, state: alert.state, summary: alert.summary }, `alert ${alert.state}`);
      }
    }
    this.deps.onChange(changed);
  }
}
