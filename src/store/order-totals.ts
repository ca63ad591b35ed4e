import type { Order } from '../core/order';
import { isActive } from '../core/status';

/** Money on screen (issue 17): what the rows an operator is looking at add up to. */
export interface OrderTotals {
  readonly orders: number;
  readonly active: number;
  /** Unfilled notional of the active orders (size − filled value, never below zero), by side. */
  readonly workingBuy: number;
  readonly workingSell: number;
  readonly filledValue: number;
  readonly fees: number;
}

export const BREAKDOWN_KEYS = ['symbol', 'engine', 'route'] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

export interface BreakdownGroup extends OrderTotals {
  readonly key: string;
}

interface Sums {
  orders: number;
  active: number;
  workingBuy: number;
  workingSell: number;
  filledValue: number;
  fees: number;
}

const zero = (): Sums => ({ orders: 0, active: 0, workingBuy: 0, workingSell: 0, filledValue: 0, fees: 0 });

function add(sums: Sums, order: Order): void {
  sums.orders++;
  sums.filledValue += order.filled_value;
  sums.fees += order.fees;
  if (!isActive(order.status)) return;
  sums.active++;
  const working = Math.max(0, order.size_usd - order.filled_value);
  if (order.side === 'buy') sums.workingBuy += working;
  else sums.workingSell += working;
}

export function totalsOf(orders: readonly Order[]): OrderTotals {
  const sums = zero();
  for (let i = 0; i < orders.length; i++) add(sums, orders[i]!);
  return sums;
}

const working = (g: OrderTotals): number => g.workingBuy + g.workingSell;

/** The same figures per symbol, engine or route: most working notional first, then most orders, then by name. */
export function breakdownOf(orders: readonly Order[], by: BreakdownKey): BreakdownGroup[] {
  const groups = new Map<string, Sums>();
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    const key = order[by];
    let sums = groups.get(key);
    if (sums === undefined) groups.set(key, (sums = zero()));
    add(sums, order);
  }
  return [...groups]
    .map(([key, sums]) => ({ key, ...sums }))
    .sort((a, b) => working(b) - working(a) || b.orders - a.orders || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
