import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from './column-layout-values';
import { isViewShown, MAX_SAVED_VIEWS, parseSavedViews, viewLink, viewQuery, withView } from './saved-views';

describe('saved views', () => {
  it('a view is the URL’s view parameters, the hidden columns and their layout, without the open order or the token', () => {
    const layout = { order: ['route' as const], widths: { symbol: 120 }, pinned: ['client_order_id' as const] };
    expect(viewQuery('?token=s3cret&engine=alpha&order=o-1&sort=-size_usd', ['route', 'engine'], layout)).toBe(
      '?cols=route&engine=alpha&hide=engine%2Croute&pin=client_order_id&sort=-size_usd&widths=symbol%3A120',
    );
    // Hiding nothing and the table's own layout are said, so a view saved with them restores them.
    expect(viewQuery('', [], DEFAULT_LAYOUT)).toBe('?cols=&hide=&pin=&widths=');
  });

  it('knows the view shown, and a view saved before views carried the layout is shown whatever the layout', () => {
    const layout = { order: ['route' as const], widths: { symbol: 120 }, pinned: [] };
    const current = viewQuery('?engine=alpha&sort=-size_usd', ['route'], layout);
    expect(isViewShown({ name: 'now', query: current }, current)).toBe(true);
    expect(isViewShown({ name: 'old', query: '?engine=alpha&hide=route&sort=-size_usd' }, current)).toBe(true);
    expect(isViewShown({ name: 'old', query: '?engine=beta&hide=route&sort=-size_usd' }, current)).toBe(false);
    // One that names a layout is shown only with that layout.
    expect(isViewShown({ name: 'other', query: viewQuery('?engine=alpha&sort=-size_usd', ['route'], DEFAULT_LAYOUT) }, current)).toBe(
      false,
    );
  });

  it('reads stored views and drops what it cannot trust', () => {
    const good = { name: 'Desk', query: '?engine=a' };
    expect(
      parseSavedViews(JSON.stringify([good, { name: '' }, { name: 'x'.repeat(65), query: '' }, 'junk', { name: 'n', query: 5 }])),
    ).toEqual([good]);
    expect(parseSavedViews('{not json')).toEqual([]);
    expect(parseSavedViews(null)).toEqual([]);
    const many = Array.from({ length: 80 }, (_, i) => ({ name: `v${i}`, query: '' }));
    expect(parseSavedViews(JSON.stringify(many))).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('saving under a name in use replaces that view where it stands', () => {
    const views = [
      { name: 'A', query: '?a=1' },
      { name: 'B', query: '?b=1' },
    ];
    expect(withView(views, { name: 'A', query: '?a=2' })).toEqual([
      { name: 'A', query: '?a=2' },
      { name: 'B', query: '?b=1' },
    ]);
    expect(withView(views, { name: 'C', query: '' }).map((v) => v.name)).toEqual(['A', 'B', 'C']);
  });

  it('links open the view on the dashboard or the wall', () => {
    const view = { name: 'A', query: '?engine=alpha&view=wall' };
    expect(viewLink(view, 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/?engine=alpha');
    expect(viewLink(view, 'http://127.0.0.1:8080/', true)).toBe('http://127.0.0.1:8080/?engine=alpha&view=wall');
  });
});
