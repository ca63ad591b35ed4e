import type Database from 'better-sqlite3';
import type { Alert, AlertAction, Silence } from '../../core/alert';

/** An audit row: what an operator did, and when the relay took it. */
export interface AuditEntry {
  readonly n: number;
  readonly at: number;
  readonly action: AlertAction;
}

/** Where alerts are kept across restarts: the journal's database (no journal: `MemoryAlertStore`). */
export interface AlertStore {
  /** The alerts open when the relay stopped, and the silences not yet over. */
  load(now: number): { open: Alert[]; silences: Silence[] };
  saveAlerts(alerts: readonly Alert[]): void;
  record(action: AlertAction, at: number): void;
  audit(limit: number, before?: number): AuditEntry[];
}

/** Audit rows the memory store keeps (the journal keeps them for its retention). */
const MEMORY_AUDIT = 10_000;

export class MemoryAlertStore implements AlertStore {
  private readonly actions: AuditEntry[] = [];
  private n = 0;

  load(): { open: Alert[]; silences: Silence[] } {
    return { open: [], silences: [] };
  }

  saveAlerts(): void {}

  record(action: AlertAction, at: number): void {
    this.actions.push({ n: ++this.n, at, action });
    if (this.actions.length > MEMORY_AUDIT) this.actions.shift();
  }

  audit(limit: number, before = Number.POSITIVE_INFINITY): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (let i = this.actions.length - 1; i >= 0 && out.length < limit; i--) if (this.actions[i]!.n < before) out.push(this.actions[i]!);
    return out;
  }
}

/**
 * Alerts in the journal (schema 3): each alert's latest state by id, silences, and the audit
 * trail. Written as they change (a few a second at most), each in its own small transaction.
 */
export class SqliteAlertStore implements AlertStore {
  private readonly upsert: Database.Statement<[string, number, number, string]>;
  private readonly upsertSilence: Database.Statement<[string, number, string]>;
  private readonly deleteSilence: Database.Statement<[string]>;
  private readonly insertAction: Database.Statement<[number, string]>;
  private readonly writeAlerts: (alerts: readonly Alert[]) => void;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO alerts (id, open, at, alert) VALUES (?, ?, ?, ?)');
    this.upsertSilence = db.prepare('INSERT OR REPLACE INTO silences (id, ends_at, silence) VALUES (?, ?, ?)');
    this.deleteSilence = db.prepare('DELETE FROM silences WHERE id = ?');
    this.insertAction = db.prepare('INSERT INTO alert_actions (at, action) VALUES (?, ?)');
    this.writeAlerts = db.transaction((alerts: readonly Alert[]) => {
      for (const a of alerts) this.upsert.run(a.id, a.resolved_at === null ? 1 : 0, a.resolved_at ?? a.started_at, JSON.stringify(a));
    });
  }

  load(now: number): { open: Alert[]; silences: Silence[] } {
    const open = (this.db.prepare('SELECT alert FROM alerts WHERE open = 1').pluck().all() as string[]).map((t) => JSON.parse(t) as Alert);
    const silences = (this.db.prepare('SELECT silence FROM silences WHERE ends_at > ?').pluck().all(now) as string[]).map(
      (t) => JSON.parse(t) as Silence,
    );
    return { open, silences };
  }

  saveAlerts(alerts: readonly Alert[]): void {
    if (alerts.length > 0) this.writeAlerts(alerts);
  }

  record(action: AlertAction, at: number): void {
    this.insertAction.run(at, JSON.stringify(action));
    if (action.type === 'silence') this.upsertSilence.run(action.silence.id, action.silence.ends_at, JSON.stringify(action.silence));
    if (action.type === 'unsilence') this.deleteSilence.run(action.silence_id);
  }

  audit(limit: number, before = Number.MAX_SAFE_INTEGER): AuditEntry[] {
    const rows = this.db.prepare('SELECT n, at, action FROM alert_actions WHERE n < ? ORDER BY n DESC LIMIT ?').all(before, limit) as {
      n: number;
      at: number;
      action: string;
    }[];
    return rows.map((r) => ({ n: r.n, at: r.at, action: JSON.parse(r.action) as AlertAction }));
  }

  /** Resolved alerts older than `beforeAt` go with the journal's retention; the audit trail too. */
  prune(beforeAt: number): void {
    this.db.prepare('DELETE FROM alerts WHERE open = 0 AND at < ?').run(beforeAt);
    this.db.prepare('DELETE FROM alert_actions WHERE at < ?').run(beforeAt);
    this.db.prepare('DELETE FROM silences WHERE ends_at < ?').run(beforeAt);
  }
}
