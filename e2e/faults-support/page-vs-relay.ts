import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { OrderLifecycleEvent } from '../../src/core/events';
import { createEventMix, ndjsonChunks } from '../../test/support/event-mix';
// Brings in the type of window.__orderwatch.
import type {} from '../../src/app/debug-hook';

interface RelayReport {
  readonly rseq: number;
  readonly summary: unknown;
  readonly orders: { client_order_id: string }[];
}

export async function relayReport(url: string, token?: string): Promise<RelayReport> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const response = await fetch(`${url}/api/orders`, { headers });
  return (await response.json()) as RelayReport;
}

const byId = (a: { client_order_id: string }, b: { client_order_id: string }): number =>
  a.client_order_id < b.client_order_id ? -1 : a.client_order_id > b.client_order_id ? 1 : 0;

/**
 * Waits until the page is LIVE at the relay's rseq, then requires the same orders (every field)
 * and summary as /api/orders, and the table's "N shown" count to match.
 */
export async function expectPageEqualsRelay(page: Page, relayUrl: string, timeout = 20_000): Promise<void> {
  const relay = await relayReport(relayUrl);
  await expect
    .poll(async () => page.evaluate(() => ({ status: window.__orderwatch?.status(), rseq: window.__orderwatch?.rseq() })), { timeout })
    .toEqual({ status: 'LIVE', rseq: relay.rseq });
  const seen = await page.evaluate(() => ({ orders: window.__orderwatch!.orders(), summary: window.__orderwatch!.summary() }));
  expect(seen.summary).toEqual(relay.summary);
  expect(seen.orders).toEqual([...relay.orders].sort(byId));
  await expect(page.locator('.toolbar__count')).toHaveText(`${relay.orders.length.toLocaleString('en-US')} shown`);
}

/** A seeded engine-like stream: the first `count` events of the event mix. */
export function mixEvents(seed: number, count: number): OrderLifecycleEvent[] {
  const out: OrderLifecycleEvent[] = [];
  for (const event of createEventMix({ seed, orders: Number.POSITIVE_INFINITY, maxActive: 200, startTs: Date.now() - 60_000 })) {
    if (out.length === count) break;
    out.push(event);
  }
  return out;
}

/** Posts events in batches of `perPost`, `pauseMs` apart, while `between` may cut or tamper. */
export async function postInBatches(
  relayUrl: string,
  events: readonly OrderLifecycleEvent[],
  perPost: number,
  pauseMs: number,
  between?: (batch: number) => void,
): Promise<void> {
  let batch = 0;
  for (const body of ndjsonChunks(events, perPost)) {
    const response = await fetch(`${relayUrl}/api/events`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    if (!response.ok) throw new Error(`ingest: HTTP ${response.status} ${await response.text()}`);
    between?.(batch++);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}
