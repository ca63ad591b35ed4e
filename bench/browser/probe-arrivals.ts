import { createParser } from 'eventsource-parser';
import { PROBE_BASE, PROBE_ID } from './workload';

interface Item {
  readonly at: number;
  readonly event: { readonly client_order_id: string; readonly filled_value?: number };
}

export interface ProbeArrivals {
  /** Probe number k → the relay's arrival time `at` (epoch ms) of its event. */
  readonly at: Map<number, number>;
  close(): void;
}

/** The harness's own stream subscription: reads each probe event's relay arrival time. */
export async function watchProbeArrivals(url: string): Promise<ProbeArrivals> {
  const at = new Map<number, number>();
  const abort = new AbortController();
  const response = await fetch(`${url}/api/stream`, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  if (response.body === null) throw new Error('stream has no body');
  const parser = createParser({
    onEvent: (m) => {
      // Cheap filter first: almost every message has no probe in it.
      if (m.event !== 'events' || !m.data.includes(PROBE_ID)) return;
      for (const item of JSON.parse(m.data) as Item[]) {
        if (item.event.client_order_id === PROBE_ID && item.event.filled_value !== undefined)
          at.set(Math.round(item.event.filled_value - PROBE_BASE), item.at);
      }
    },
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) parser.feed(decoder.decode(r.value, { stream: true }));
    } catch {
      // Closed by us.
    }
  })();
  return { at, close: () => abort.abort() };
}
