import { describe, expect, it } from 'vitest';
import type { ColumnLayout } from './column-layout';
import { DEFAULT_LAYOUT, displayOrder, moveColumn, moveInLayout, parseColumnLayout, togglePin } from './column-layout';
import { SORT_KEYS } from './order-sort-keys';

describe('column layout as stored', () => {
  it('keeps known ids once, clamps widths to 40–800 px and drops the rest', () => {
    const l = parseColumnLayout(
      JSON.stringify({
        order: ['symbol', 'age', 'symbol', 'nope', 7],
        widths: { symbol: 5, route: 9000, fees: 'wide', bogus: 100, age: 120.4 },
        pinned: ['age', 'x'],
      }),
    );
    expect(l).toEqual({ order: ['symbol', 'age'], widths: { symbol: 40, route: 800, age: 120 }, pinned: ['age'] });
  });

  it('reads nothing stored and garbage as the table’s own layout', () => {
    for (const raw of [null, '', '{', 'null', '"x"', '[1]']) expect(parseColumnLayout(raw)).toEqual(DEFAULT_LAYOUT);
  });
});

describe('display order', () => {
  it('is the table’s own order by default', () => {
    expect(displayOrder(DEFAULT_LAYOUT)).toEqual([...SORT_KEYS]);
  });

  it('puts pinned columns first and appends columns a stored order does not name', () => {
    const order = displayOrder({ order: ['route', 'age'], widths: {}, pinned: ['client_order_id'] });
    expect(order.slice(0, 4)).toEqual(['client_order_id', 'route', 'age', 'status']);
    expect(new Set(order).size).toBe(SORT_KEYS.length);
    expect(order.length).toBe(SORT_KEYS.length);
  });
});

describe('moving and pinning', () => {
  it('moves a column within bounds', () => {
    expect(moveColumn(['a', 'b', 'c'] as never, 'b' as never, -1)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(['a', 'b', 'c'] as never, 'a' as never, -5)).toEqual(['a', 'b', 'c']);
    expect(moveColumn(['a', 'b', 'c'] as never, 'a' as never, 9)).toEqual(['b', 'c', 'a']);
  });

  it('moves a pinned column among the pinned and the rest among the rest', () => {
    const l: ColumnLayout = { order: [], widths: {}, pinned: ['symbol', 'client_order_id'] };
    expect(moveInLayout(l, 'client_order_id', -1).pinned).toEqual(['client_order_id', 'symbol']);
    const moved = moveInLayout(l, 'status', -1);
    expect(displayOrder(moved).slice(0, 4)).toEqual(['symbol', 'client_order_id', 'status', 'age']);
  });

  it('pins after the pinned ones, and an unpinned column comes back first after them', () => {
    const pinned = togglePin(togglePin(DEFAULT_LAYOUT, 'order_id'), 'engine');
    expect(displayOrder(pinned).slice(0, 3)).toEqual(['order_id', 'engine', 'age']);
    const unpinned = togglePin(pinned, 'order_id');
    expect(displayOrder(unpinned).slice(0, 3)).toEqual(['engine', 'order_id', 'age']);
  });
});

describe('a browser with nothing stored', () => {
  it('starts from the fallback it is given (the narrow screen’s pins), and stored garbage does not', () => {
    const narrow: ColumnLayout = { ...DEFAULT_LAYOUT, pinned: ['client_order_id'] };
    expect(parseColumnLayout(null, narrow)).toBe(narrow);
    expect(parseColumnLayout('{', narrow)).toEqual(DEFAULT_LAYOUT);
  });
});
