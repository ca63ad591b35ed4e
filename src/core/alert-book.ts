import type { Alert, AlertAction, AlertRule, AlertSubject, Silence } from './alert';
import { ALERT_SEVERITY, matches, stateAt } from './alert';

/** A rule's finding at one evaluation: this condition holds now, and has since `since`. */
export interface AlertCondition {
  readonly key: string;
  readonly rule: AlertRule;
  readonly subject: AlertSubject;
  readonly summary: string;
  readonly since: number;
}

/**
 * The relay's alerts: those open (by condition key), the latest resolved ones, and the silences.
 * Mutated in place by `reconcile` and `act`, which return the alerts whose visible state changed
 * (what goes on the stream, to webhooks and into the journal).
 */
export interface AlertBook {
  readonly open: Map<string, Alert>;
  /** Resolved alerts, oldest first, at most `resolvedLimit`. */
  readonly resolved: Alert[];
  readonly silences: Map<string, Silence>;
  readonly resolvedLimit: number;
}

export function createAlertBook(resolvedLimit = 500): AlertBook {
  return { open: new Map(), resolved: [], silences: new Map(), resolvedLimit };
}

/** Every alert the book holds, open first. */
export function allAlerts(book: AlertBook): Alert[] {
  return [...book.open.values(), ...book.resolved];
}

export function findAlert(book: AlertBook, id: string): Alert | undefined {
  for (const alert of book.open.values()) if (alert.id === id) return alert;
  for (let i = book.resolved.length - 1; i >= 0; i--) if (book.resolved[i]!.id === id) return book.resolved[i];
  return undefined;
}

function activeSilence(book: AlertBook, alert: Pick<Alert, 'rule' | 'subject'>, now: number): string | null {
  for (const silence of book.silences.values()) if (silence.ends_at > now && matches(silence.matcher, alert)) return silence.id;
  return null;
}

/** `alert` with the given fields and the state they imply; the same object when nothing visible changed. */
function revise(alert: Alert, fields: Partial<Omit<Alert, 'state'>>, now: number): Alert {
  const next = { ...alert, ...fields };
  const state = stateAt(next, now);
  const sameAck =
    next.ack === alert.ack ||
    (next.ack !== null &&
      alert.ack !== null &&
      next.ack.by === alert.ack.by &&
      next.ack.at === alert.ack.at &&
      next.ack.comment === alert.ack.comment);
  const changed =
    state !== alert.state ||
    !sameAck ||
    next.snoozed_until !== alert.snoozed_until ||
    next.silenced_by !== alert.silenced_by ||
    next.resolved_at !== alert.resolved_at;
  return changed ? { ...next, state } : alert;
}

/**
 * Brings the book in line with what the rules found at `now`: a new condition fires, one that
 * ended resolves, a snooze or silence that ran out wakes its alert. An open alert keeps its id,
 * start and acknowledgement while its condition holds, even if the rule's wording changes.
 */
export function reconcile(book: AlertBook, conditions: Iterable<AlertCondition>, now: number): Alert[] {
  const changed: Alert[] = [];
  for (const [id, silence] of book.silences) if (silence.ends_at <= now) book.silences.delete(id);
  const seen = new Set<string>();
  for (const c of conditions) {
    seen.add(c.key);
    const existing = book.open.get(c.key);
    if (existing === undefined) {
      const fields = {
        id: `${c.key}@${c.since}`,
        key: c.key,
        rule: c.rule,
        severity: ALERT_SEVERITY[c.rule],
        subject: c.subject,
        summary: c.summary,
        started_at: c.since,
        ack: null,
        snoozed_until: null,
        silenced_by: activeSilence(book, c, now),
        resolved_at: null,
      };
      const alert: Alert = { ...fields, state: stateAt(fields, now) };
      book.open.set(c.key, alert);
      changed.push(alert);
      continue;
    }
    const snoozedUntil = existing.snoozed_until !== null && existing.snoozed_until <= now ? null : existing.snoozed_until;
    const next = revise(existing, { snoozed_until: snoozedUntil, silenced_by: activeSilence(book, existing, now) }, now);
    if (next !== existing) {
      book.open.set(c.key, next);
      changed.push(next);
    }
  }
  for (const [key, alert] of book.open) {
    if (seen.has(key)) continue;
    book.open.delete(key);
    const done = revise(alert, { resolved_at: now }, now);
    book.resolved.push(done);
    changed.push(done);
  }
  if (book.resolved.length > book.resolvedLimit) book.resolved.splice(0, book.resolved.length - book.resolvedLimit);
  return changed;
}

export type ActResult =
  { readonly ok: true; readonly changed: Alert[] } | { readonly ok: false; readonly status: 404 | 409; readonly error: string };

/** Applies what an operator did. Acting on a resolved alert is refused: its condition is over. */
export function act(book: AlertBook, action: AlertAction, now: number): ActResult {
  if (action.type === 'silence') {
    book.silences.set(action.silence.id, action.silence);
    return { ok: true, changed: refreshSilenced(book, now) };
  }
  if (action.type === 'unsilence') {
    if (!book.silences.delete(action.silence_id)) return { ok: false, status: 404, error: `no silence ${action.silence_id}` };
    return { ok: true, changed: refreshSilenced(book, now) };
  }
  const alert = openById(book, action.id);
  if (alert === undefined) {
    const done = findAlert(book, action.id) !== undefined;
    return done
      ? { ok: false, status: 409, error: `alert ${action.id} is resolved: its condition ended` }
      : { ok: false, status: 404, error: `no alert ${action.id}` };
  }
  const fields =
    action.type === 'ack'
      ? { ack: { by: action.by, at: action.at, comment: action.comment } }
      : action.type === 'snooze'
        ? { snoozed_until: action.until }
        : { ack: null, snoozed_until: null };
  const next = revise(alert, fields, now);
  book.open.set(alert.key, next);
  return { ok: true, changed: next === alert ? [] : [next] };
}

/**
 * How much later than another relay's action this relay's own episode of a relay-wide condition may
 * have begun and still be the one acted on: relays evaluate a second or two apart.
 */
export const CLUSTER_SKEW_MS = 10_000;

/** The condition key an alert id names (`key@started_at`). */
export function keyOfId(id: string): string {
  const at = id.lastIndexOf('@');
  return at < 0 ? id : id.slice(0, at);
}

/**
 * Another relay's action, addressed to this relay's alert. An order's or engine's alert has the
 * same id on every relay; a relay-wide one (anomaly burst, reject rate, store) is dated by each
 * relay's own evaluation, so it is matched by condition instead: this relay's open alert of the
 * same key, if its episode began no later than CLUSTER_SKEW_MS after the action (an acknowledgement
 * of an episode that ended never carries over to the next one). Undefined when there is none yet.
 */
export function remoteTarget(book: AlertBook, action: AlertAction): AlertAction | undefined {
  if (!('id' in action) || openById(book, action.id) !== undefined) return action;
  const local = book.open.get(keyOfId(action.id));
  if (local === undefined || local.subject.kind !== 'relay' || local.started_at > action.at + CLUSTER_SKEW_MS) return undefined;
  return { ...action, id: local.id };
}

function openById(book: AlertBook, id: string): Alert | undefined {
  for (const alert of book.open.values()) if (alert.id === id) return alert;
  return undefined;
}

function refreshSilenced(book: AlertBook, now: number): Alert[] {
  const changed: Alert[] = [];
  for (const [key, alert] of book.open) {
    const next = revise(alert, { silenced_by: activeSilence(book, alert, now) }, now);
    if (next === alert) continue;
    book.open.set(key, next);
    changed.push(next);
  }
  return changed;
}
