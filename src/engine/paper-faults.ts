import { ANOMALY_KINDS } from '../core/anomaly';
import type { Order } from '../core/order';
import { isTerminal } from '../core/status';
import type { SimContext } from './paper-lifecycle';
import type { SimOrder } from './paper-plan';

/** Every anomaly the core can flag, plus a resent line (same seq) that it counts as a duplicate. */
export const FAULT_KINDS = [...ANOMALY_KINDS, 'duplicate_seq'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a fault needs beyond the lifecycle context. */
export interface FaultHost extends SimContext {
  /** A recently finished order still in the book, if any. */
  recentFinished(): Order | undefined;
  /** A working order with some fill, if any. */
  partlyFilled(): Order | undefined;
  /** An id no order has ever had. */
  ghostId(): string;
  /** Resends the last emitted event unchanged (same seq); false when nothing was sent yet. */
  repeatLast(): boolean;
}

/**
 * Injects one fault of `kind` around a freshly created order (still NEW). Some faults are
 * extra events sent now; `fill_before_open` and `overfill` bend that order's future instead.
 * Returns false when the kind has no victim yet (e.g. nothing has finished so far).
 */
export function injectFault(host: FaultHost, kind: FaultKind, fresh: SimOrder, ts: number): boolean {
  const base = (id: string, engine: string) => ({ client_order_id: id, ts, seq: host.nextSeq(engine), engine });
  switch (kind) {
    case 'fill_before_open':
      if (fresh.fills.length === 0 || fresh.fate === 'failed' || fresh.rejectBeforeOpen) return false;
      fresh.skipOpen = true;
      return true;
    case 'overfill':
      if (fresh.fills[fresh.fills.length - 1] !== 1) return false;
      fresh.overfill = true;
      return true;
    case 'duplicate_order':
      host.emit({
        type: 'order_created',
        ...base(fresh.id, fresh.engine),
        symbol: fresh.symbol,
        side: fresh.side,
        size_usd: fresh.sizeUsd,
        route: fresh.route,
      });
      return true;
    case 'unknown_order':
      host.emit({ type: 'order_transition', ...base(host.ghostId(), fresh.engine), status: 'CANCELED' });
      return true;
    case 'invalid_transition':
      // NEW → FILLED skips the exchange entirely: the table forbids it.
      host.emit({ type: 'order_transition', ...base(fresh.id, fresh.engine), status: 'FILLED' });
      return true;
    case 'fill_after_terminal': {
      const done = host.recentFinished();
      if (done === undefined || !isTerminal(done.status)) return false;
      host.emit({
        type: 'order_fill',
        ...base(done.client_order_id, done.engine),
        filled_size: done.filled_size * 1.1,
        filled_value: done.filled_value + 1,
        fees: done.fees,
      });
      return true;
    }
    case 'fill_regression': {
      const working = host.partlyFilled();
      if (working === undefined) return false;
      host.emit({
        type: 'order_fill',
        ...base(working.client_order_id, working.engine),
        filled_size: working.filled_size / 2,
        filled_value: working.filled_value / 2,
        fees: working.fees / 2,
      });
      return true;
    }
    case 'future_timestamp':
      // A no-op transition from an engine whose clock runs an hour fast: the relay flags it.
      host.emit({ type: 'order_transition', ...base(fresh.id, fresh.engine), ts: ts + 3_600_000, status: 'NEW' });
      return true;
    case 'duplicate_seq':
      return host.repeatLast();
  }
}
