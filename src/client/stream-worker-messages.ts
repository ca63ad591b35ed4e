import type { PackedOrders } from './order-pack';

/** Page → stream worker: open the stream at `url` (absolute), or stop stream `id`. */
export type ToStreamWorker =
  | { readonly type: 'open'; readonly id: number; readonly url: string; readonly headers: Record<string, string> }
  | { readonly type: 'cancel'; readonly id: number };

/** Stream worker → page, in stream order for each stream. */
export type FromStreamWorker =
  | { readonly type: 'ready' }
  /** `at`: when, in the worker (epoch ms), for the page's performance marks. */
  | { readonly type: 'opened'; readonly id: number; readonly at: number }
  | { readonly type: 'message'; readonly id: number; readonly event: string | undefined; readonly data: string; readonly lastEventId: string | undefined }
  | { readonly type: 'orders'; readonly id: number; readonly orders: PackedOrders; readonly at: number }
  | { readonly type: 'done'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly error: string };
