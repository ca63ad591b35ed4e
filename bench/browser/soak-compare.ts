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

const byId = (a: OrderLike, b: OrderLike): number =>
  a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The page, the relay and the replay CLI apply the same cleanup policy at the same events
 * (`cleanupAfterEvent`), so all three must hold exactly the same orders and summary.
 */
export function compareStates(page: OrdersReport, relay: OrdersReport, cli: OrdersReport): { identical: boolean; lines: string[] } {
  const relayOrders = [...relay.orders].sort(byId);
  const cliOrders = [...cli.orders].sort(byId);
  const pageOrders = [...page.orders].sort(byId);
  const relayVsCli = same(relayOrders, cliOrders) && same(relay.summary, cli.summary);
  const pageVsRelay = same(pageOrders, relayOrders) && same(page.summary, relay.summary);
  const lines = [
    `relay /api/orders vs replay CLI --keep-terminal: ${relayOrders.length} vs ${cliOrders.length} orders, ${relayVsCli ? 'identical' : 'DIFFERENT'}`,
    `page vs relay: ${pageOrders.length} vs ${relayOrders.length} orders, ${pageVsRelay ? 'identical' : 'DIFFERENT'}`,
  ];
  if (!pageVsRelay) lines.push(...differences('page', pageOrders, 'relay', relayOrders));
  return { identical: relayVsCli && pageVsRelay, lines };
}

/** What one side holds that the other does not, or holds otherwise: a few examples each. */
function differences(aName: string, a: readonly OrderLike[], bName: string, b: readonly OrderLike[]): string[] {
  const byKey = (list: readonly OrderLike[]) => new Map(list.map((o) => [o.client_order_id, o]));
  const am = byKey(a);
  const bm = byKey(b);
  const onlyA = a.filter((o) => !bm.has(o.client_order_id));
  const onlyB = b.filter((o) => !am.has(o.client_order_id));
  const unlike = a.filter((o) => bm.has(o.client_order_id) && !same(o, bm.get(o.client_order_id)));
  const show = (list: readonly OrderLike[]) =>
    list
      .slice(0, 5)
      .map((o) => `${o.client_order_id} ${o.status}`)
      .join(', ');
  return [
    `  only in ${aName}: ${onlyA.length} (${show(onlyA)})`,
    `  only in ${bName}: ${onlyB.length} (${show(onlyB)})`,
    `  in both, not equal: ${unlike.length} (${show(unlike)})`,
  ];
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
