import { describe, expect, it } from 'vitest';
import type { ColumnLayout } from './column-layout-values';
import { DEFAULT_LAYOUT, readLayoutQuery, writeLayoutQuery } from './column-layout-values';
import {
  displayOrder,
  dragColumnWidth,
  endColumnDrag,
  moveColumn,
  moveColumnBy,
  moveInLayout,
  parseColumnLayout,
  setColumnWidth,
  togglePin,
} from './column-layout';
import { readViewParams } from './view-url';
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

describe('a layout in the URL (a saved view, a shared link)', () => {
  it('round-trips order, pins and widths, and reads what it cannot trust as nothing', () => {
    const l: ColumnLayout = { order: ['route', 'age'], widths: { symbol: 120, age: 64 }, pinned: ['client_order_id'] };
    const q = new URLSearchParams('engine=a');
    writeLayoutQuery(q, l);
    expect(q.get('engine')).toBe('a');
    expect(readLayoutQuery(new URLSearchParams(q.toString()))).toEqual(l);
    expect(readLayoutQuery(new URLSearchParams('engine=a'))).toBeNull();
    // Named but empty: the table's own layout, which a view saved with it must restore.
    expect(readLayoutQuery(new URLSearchParams('cols=&pin=&widths='))).toEqual(DEFAULT_LAYOUT);
    expect(readLayoutQuery(new URLSearchParams('cols=age,nope,age&widths=symbol:5,age:99999,route:,fees:wide,bogus:100'))).toEqual({
      order: ['age'],
      pinned: [],
      widths: { symbol: 40 },
    });
    // A column pinned after the order was made is placed by `pin` alone, so the same table reads as the same view.
    const pinnedLater = new URLSearchParams();
    writeLayoutQuery(pinnedLater, { order: ['engine', 'route'], widths: {}, pinned: ['engine'] });
    expect(pinnedLater.get('cols')).toBe('route');
    writeLayoutQuery(q, null);
    expect(q.toString()).toBe('engine=a');
  });

  it('is the layout in force while the URL names one: changes go to the URL, and a drag writes it once, when it ends', () => {
    window.history.replaceState(null, '', '/?cols=&pin=&widths=');
    const before = window.localStorage.getItem('orderwatch.column-layout');
    const writes = vi.spyOn(window.history, 'replaceState');
    try {
      moveColumnBy('route', -1);
      expect(writes).toHaveBeenCalledTimes(1);
      for (let px = 100; px <= 200; px += 10) dragColumnWidth('symbol', px);
      expect(writes).toHaveBeenCalledTimes(1);
      expect(new URLSearchParams(window.location.search).get('widths')).toBe('');
      endColumnDrag();
      expect(writes).toHaveBeenCalledTimes(2);
      const fromUrl = readViewParams().columnLayout;
      expect(fromUrl?.widths).toEqual({ symbol: 200 });
      expect(displayOrder(fromUrl!).indexOf('route')).toBe([...SORT_KEYS].indexOf('route') - 1);
      // This browser's own layout is left alone while a view's is shown.
      expect(window.localStorage.getItem('orderwatch.column-layout')).toBe(before);
      endColumnDrag();
      expect(writes).toHaveBeenCalledTimes(2);
    } finally {
      writes.mockRestore();
      window.history.replaceState(null, '', '/');
    }
  });

  it("is this browser's own when the URL names none", () => {
    window.history.replaceState(null, '', '/?engine=a');
    setColumnWidth('fees', 90);
    expect(window.location.search).toBe('?engine=a');
    expect(parseColumnLayout(window.localStorage.getItem('orderwatch.column-layout')).widths.fees).toBe(90);
    window.history.replaceState(null, '', '/');
  });
});
