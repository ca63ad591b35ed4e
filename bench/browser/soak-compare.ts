export interface OrderLike {
  readonly client_order_id: string;
  readonly status: string;
}

export interface OrdersReport {
  readonly orders: readonly OrderLike[];
  readonly summary: unknown;
}

export interface HeapSample {
  readonly minute: number;
  readonly heapMb: number;
  readonly orders: number;
  readonly domNodes: number;
}

const TERMINAL = new Set(['FILLED', 'CANCELED', 'EXPIRED', 'REJECTED', 'FAILED']);
const byId = (a: OrderLike, b: OrderLike): number => (a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The relay and the replay CLI (with the same cleanup) must agree exactly. The page keeps
 * every order it has seen (it has no cleanup of its own): its orders that the relay still holds
 * must equal the relay's, and the ones it holds beyond them may only be terminal.
 */
/**
 * The page cleans up lazily (once it holds max(1,000, 10%) finished orders beyond the relay's
 * policy), so it may still hold up to that many the relay already dropped: all terminal.
 */
export function compareStates(page: OrdersReport, relay: OrdersReport, cli: OrdersReport, keepTerminal: number): { identical: boolean; lines: string[] } {
  const relayOrders = [...relay.orders].sort(byId);
  const cliOrders = [...cli.orders].sort(byId);
  const relayIds = new Set(relayOrders.map((o) => o.client_order_id));
  const pageKept = page.orders.filter((o) => relayIds.has(o.client_order_id)).sort(byId);
  const pageExtra = page.orders.filter((o) => !relayIds.has(o.client_order_id));
  const relayVsCli = same(relayOrders, cliOrders) && same(relay.summary, cli.summary);
  const pageVsRelay = pageKept.length === relayOrders.length && same(pageKept, relayOrders);
  const slack = Math.max(1_000, Math.floor(keepTerminal / 10));
  const extraTerminal = pageExtra.every((o) => TERMINAL.has(o.status)) && pageExtra.length <= slack;
  const lines = [
    `relay /api/orders vs replay CLI --keep-terminal: ${relayOrders.length} vs ${cliOrders.length} orders, ${relayVsCli ? 'identical' : 'DIFFERENT'}`,
    `page vs relay (orders the relay holds): ${pageKept.length} vs ${relayOrders.length}, ${pageVsRelay ? 'identical' : 'DIFFERENT'}`,
    `page keeps ${pageExtra.length} finished orders the relay already cleaned up (${extraTerminal ? `all terminal, within its cleanup slack of ${slack}` : 'SOME ACTIVE, or beyond its cleanup slack'})`,
  ];
  return { identical: relayVsCli && pageVsRelay && extraTerminal, lines };
}

/** Least-squares slope of heap over time, after the first fifth (at least one sample) as warm-up; MB per 10 min. */
export function heapSlopeMbPer10Min(samples: readonly HeapSample[]): number | null {
  const skip = Math.max(1, Math.floor(samples.length / 5));
  const xs = samples.slice(skip);
  if (xs.length < 3) return null;
  const mx = xs.reduce((s, p) => s + p.minute, 0) / xs.length;
  const my = xs.reduce((s, p) => s + p.heapMb, 0) / xs.length;
  let num = 0;
  let den = 0;
  for (const p of xs) {
    num += (p.minute - mx) * (p.heapMb - my);
    den += (p.minute - mx) ** 2;
  }
  return den === 0 ? null : (num / den) * 10;
}
