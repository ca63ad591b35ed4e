import type { StreamClient } from './stream-client';

/** Heartbeats without progress before a reader is given up on … */
export const STALL_BEATS = 3;
/** … and never sooner than this: a busy relay's own event loop can hold a socket up that long. */
export const MIN_STALL_MS = 2_000;

/**
 * The clients to drop, largest backlog first, until what the rest have queued is at most
 * `limit` bytes; each with the total before it went. Empty when within the limit.
 */
export function largestBacklogsOver(
  clients: Iterable<StreamClient>,
  limit: number,
): { client: StreamClient; backlog: number; total: number }[] {
  let total = 0;
  const all: StreamClient[] = [];
  for (const client of clients) {
    total += client.backlog;
    all.push(client);
  }
  if (total <= limit) return [];
  const out: { client: StreamClient; backlog: number; total: number }[] = [];
  all.sort((a, b) => b.backlog - a.backlog);
  for (const client of all) {
    if (total <= limit) break;
    const backlog = client.backlog;
    out.push({ client, backlog, total });
    total -= backlog;
  }
  return out;
}

/**
 * Clients whose socket took nothing while bytes were queued for them, for `STALL_BEATS`
 * heartbeats and at least `MIN_STALL_MS`: readers that stopped. Called once per heartbeat; it
 * updates each client's progress marks. A snapshot or catch-up waits for such a reader forever
 * (it never counts as slow), so this is what ends it.
 */
export function stalled(
  clients: Iterable<StreamClient>,
  now: number,
  heartbeatMs: number,
): { client: StreamClient; queued: number; forMs: number }[] {
  const patience = Math.max(STALL_BEATS * heartbeatMs, MIN_STALL_MS);
  const out: { client: StreamClient; queued: number; forMs: number }[] = [];
  for (const client of clients) {
    const queued = client.backlog;
    const taken = client.bytesSent - queued;
    if (queued === 0 || taken !== client.takenAtBeat) client.stalledSince = undefined;
    else if (client.stalledSince === undefined) client.stalledSince = now;
    else if (now - client.stalledSince >= patience) out.push({ client, queued, forMs: now - client.stalledSince });
    client.takenAtBeat = taken;
  }
  return out;
}
