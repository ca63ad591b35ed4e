import type Database from 'better-sqlite3';
import type { Order } from '../../core/order';
import { orderToJson } from '../../protocol/order-json';
import type { OrderJson } from '../../protocol/order-json';
import { STATUSES } from '../../core/status';
import type { Status } from '../../core/status';

/*
 * Finished orders in the journal's `history` table (issue 15): written in the same transaction
 * as the event that finished them, kept for the retention period, found by /api/history long
 * after cleanup took them out of the live book.
 */

export interface HistoryQuery {
  /** Matches the start of client_order_id or order_id, or the whole symbol. */
  readonly q?: string | undefined;
  readonly status?: Status | undefined;
  readonly engine?: string | undefined;
  readonly symbol?: string | undefined;
  readonly side?: 'buy' | 'sell' | undefined;
  /** completed_at from and to (epoch ms, inclusive). */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
  /** The last row of the previous page: completed_at and client_order_id. */
  readonly after?: { readonly completedAt: number; readonly id: string } | undefined;
}

export interface HistoryPage {
  readonly orders: OrderJson[];
  /** Pass as `cursor` for the next page; null when this page is the last. */
  readonly next_cursor: string | null;
}

export const HISTORY_MAX_LIMIT = 500;

interface Row {
  readonly id: string;
  readonly c: number;
  readonly at: number;
  readonly json: string;
}
/** Above every character a prefix can be followed by: `q…` matches [q, q + TOP). */
const TOP = '\u{10FFFF}';

export class OrderHistory {
  private readonly upsert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT OR REPLACE INTO history (client_order_id, created_at, completed_at, order_id, engine, symbol, side, status, json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Writes a finished order; inside the journal's commit transaction. */
  write(order: Order): void {
    this.upsert.run(
      order.client_order_id,
      order.created_at,
      order.completed_at ?? order.last_update_at,
      order.order_id,
      order.engine,
      order.symbol,
      order.side,
      order.status,
      JSON.stringify(orderToJson(order)),
    );
  }

  /**
   * Newest finished first; `limit` rows at most. Without `q` one scan of `history_scan` in
   * completion order, the filters checked inside the index, so only matching rows are read. With
   * `q`, each of its three meanings is its own indexed query, merged here.
   */
  query(query: HistoryQuery): HistoryPage {
    const filters: string[] = [];
    const args: (string | number)[] = [];
    for (const [column, value] of [
      ['status', query.status],
      ['engine', query.engine],
      ['symbol', query.symbol],
      ['side', query.side],
    ] as const) {
      if (value === undefined) continue;
      filters.push(`${column} = ?`);
      args.push(value);
    }
    if (query.from !== undefined) {
      filters.push('completed_at >= ?');
      args.push(query.from);
    }
    if (query.to !== undefined) {
      filters.push('completed_at <= ?');
      args.push(query.to);
    }
    if (query.after !== undefined) {
      filters.push('(completed_at < ? OR completed_at = ? AND client_order_id < ?)');
      args.push(query.after.completedAt, query.after.completedAt, query.after.id);
    }
    const want = query.limit + 1;
    const select = (index: string, match: string | undefined, matchArgs: readonly string[]): Row[] => {
      const where = match === undefined ? filters : [match, ...filters];
      const sql =
        `SELECT client_order_id AS id, created_at AS c, completed_at AS at, json FROM history INDEXED BY ${index}` +
        (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
        ' ORDER BY completed_at DESC, client_order_id DESC LIMIT ?';
      return this.db.prepare(sql).all(...matchArgs, ...args, want) as Row[];
    };
    let rows: Row[];
    const q = query.q;
    // All three given: their own index holds exactly those orders in completion order.
    const narrow = query.status !== undefined && query.engine !== undefined && query.symbol !== undefined;
    if (q === undefined || q === '') rows = select(narrow ? 'history_filter' : 'history_scan', undefined, []);
    else {
      const seen = new Set<string>();
      rows = [
        ...select('sqlite_autoindex_history_1', 'client_order_id >= ? AND client_order_id < ?', [q, q + TOP]),
        ...select('history_order_id', 'order_id >= ? AND order_id < ?', [q, q + TOP]),
        ...select('history_symbol', 'symbol = ?', [q]),
      ]
        .filter((r) => {
          const key = `${r.c}:${r.id}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, want);
    }
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const last = page.at(-1);
    return {
      orders: page.map((r) => JSON.parse(r.json) as OrderJson),
      next_cursor: more && last !== undefined ? encodeCursor(last.at, last.id) : null,
    };
  }

  /** Drops finished orders older than `beforeAt`, up to `maxRows`; returns how many went. */
  pruneSlice(beforeAt: number, maxRows: number): number {
    return this.db
      .prepare('DELETE FROM history WHERE rowid IN (SELECT rowid FROM history WHERE completed_at < ? ORDER BY completed_at LIMIT ?)')
      .run(beforeAt, maxRows).changes;
  }
}

export function encodeCursor(completedAt: number, id: string): string {
  return Buffer.from(JSON.stringify([completedAt, id])).toString('base64url');
}

export function decodeCursor(text: string): { completedAt: number; id: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string')
      return { completedAt: value[0] as number, id: value[1] };
  } catch {
    // Not one of ours.
  }
  return undefined;
}

/** Reads /api/history's query string; an error names the parameter and what it wants. */
export function readHistoryQuery(
  get: (name: string) => string | undefined,
): { ok: true; query: HistoryQuery } | { ok: false; error: string } {
  const text = (name: string): string | undefined => {
    const value = get(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const status = text('status');
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    return { ok: false, error: `status: want one of ${STATUSES.join(', ')}, got ${JSON.stringify(status.slice(0, 40))}` };
  const side = text('side');
  if (side !== undefined && side !== 'buy' && side !== 'sell')
    return { ok: false, error: `side: want buy or sell, got ${JSON.stringify(side.slice(0, 40))}` };
  const times: Record<'from' | 'to', number | undefined> = { from: undefined, to: undefined };
  for (const name of ['from', 'to'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms))
      return { ok: false, error: `${name}: want an ISO-8601 time or epoch milliseconds, got ${JSON.stringify(value.slice(0, 40))}` };
    times[name] = ms;
  }
  const limitText = text('limit');
  const limit = limitText === undefined ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_MAX_LIMIT)
    return { ok: false, error: `limit: want an integer from 1 to ${HISTORY_MAX_LIMIT}, got ${JSON.stringify(limitText)}` };
  const cursorText = text('cursor');
  const after = cursorText === undefined ? undefined : decodeCursor(cursorText);
  if (cursorText !== undefined && after === undefined) return { ok: false, error: 'cursor: not a cursor this relay gave out' };
  return {
    ok: true,
    query: {
      q: text('q'),
      status: status as Status | undefined,
      engine: text('engine'),
      symbol: text('symbol'),
      side,
      from: times.from,
      to: times.to,
      limit,
      after,
    },
  };
}
