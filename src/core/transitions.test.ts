import { describe, expect, it } from 'vitest';
import { created, moved } from '../../test/support/event-builders';
import { applyEvent } from './apply';
import { createBook } from './book';
import type { Status } from './status';
import { ACTIVE_STATUSES, isActive, isTerminal, STATUSES, TERMINAL_STATUSES } from './status';
import { canTransition, TRANSITIONS } from './transitions';

/** The contract as issue 2 and docs/protocol.md write it, kept apart from the table under test. */
const SPEC_ALLOWED: ReadonlySet<string> = new Set([
  'NEW→OPEN',
  'NEW→FAILED',
  'NEW→REJECTED',
  'OPEN→PARTIAL_FILL',
  'OPEN→FILLED',
  'OPEN→CANCELED',
  'OPEN→EXPIRED',
  'OPEN→REJECTED',
  'PARTIAL_FILL→FILLED',
  'PARTIAL_FILL→CANCELED',
  'PARTIAL_FILL→EXPIRED',
]);

/** Shortest route from NEW to each status through the table itself (breadth-first). */
function routesFromNew(): Record<Status, Status[]> {
  const routes: Partial<Record<Status, Status[]>> = { NEW: [] };
  const queue: Status[] = ['NEW'];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const to of TRANSITIONS[from]) {
      if (routes[to] !== undefined) continue;
      routes[to] = [...routes[from]!, to];
      queue.push(to);
    }
  }
  return routes as Record<Status, Status[]>;
}

const ROUTES = routesFromNew();
const MATRIX = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to })));

describe('statuses', () => {
  it('are the eight of the contract, split 3 active and 5 terminal', () => {
    expect(STATUSES).toEqual(['NEW', 'OPEN', 'PARTIAL_FILL', 'FILLED', 'CANCELED', 'EXPIRED', 'REJECTED', 'FAILED']);
    expect(ACTIVE_STATUSES).toEqual(['NEW', 'OPEN', 'PARTIAL_FILL']);
    expect([...TERMINAL_STATUSES].sort()).toEqual(['CANCELED', 'EXPIRED', 'FAILED', 'FILLED', 'REJECTED']);
    for (const s of STATUSES) expect(isActive(s)).toBe(!isTerminal(s));
  });

  it('every status is reachable from NEW', () => {
    for (const s of STATUSES) expect(ROUTES[s], s).toBeDefined();
  });
});

describe('transition table: all 64 pairs', () => {
  it('the table allows exactly the moves the contract lists', () => {
    const tableAllowed = MATRIX.filter(({ from, to }) => canTransition(from, to)).map(({ from, to }) => `${from}→${to}`);
    expect(new Set(tableAllowed)).toEqual(SPEC_ALLOWED);
    for (const s of TERMINAL_STATUSES) expect(TRANSITIONS[s]).toEqual([]);
  });

  it.each(MATRIX)('$from → $to applies exactly when the table allows it', ({ from, to }) => {
    const book = createBook();
    applyEvent(book, created('a'));
    for (const step of ROUTES[from]) applyEvent(book, moved('a', step, { ts: 5_000 }));
    const order = book.orders.get('a')!;
    expect(order.status).toBe(from);
    const before = JSON.stringify(order);
    const historyBefore = order.history.length;

    const result = applyEvent(book, moved('a', to, { ts: 9_000 }));

    if (from === to) {
      expect(result.outcome).toBe('unchanged');
      expect(result.anomalies).toBe(0);
      expect(JSON.stringify(order)).toBe(before);
    } else if (canTransition(from, to)) {
      expect(result.outcome).toBe('applied');
      expect(result.anomalies).toBe(0);
      expect(order.status).toBe(to);
      expect(order.history).toHaveLength(historyBefore + 1);
      expect(order.history.at(-1)).toEqual({ from, to, at: 9_000, cause: 'transition' });
      expect(order.completed_at).toBe(isTerminal(to) ? 9_000 : null);
      expect(book.byStatus[to]).toBe(1);
      expect(book.byStatus[from]).toBe(0);
    } else {
      expect(result.outcome).toBe('unchanged');
      expect(result.anomalies).toBe(1);
      expect(JSON.stringify(order)).toBe(before);
      const anomaly = book.anomalies.toArray().at(-1)!;
      expect(anomaly.kind).toBe('invalid_transition');
      expect(anomaly.detail).toBe(`${from} → ${to} is not allowed${isTerminal(from) ? ` (${from} is terminal)` : ''}`);
    }
  });
});
