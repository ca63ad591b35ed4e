import { describe, expect, it } from 'vitest';
import { NO_HISTORY_FILTERS, parseHistoryFilters, readTime, writeHistoryFilters } from './history-params';
import { parseViewParams, writeViewParams } from './view-params';

describe('history filters in the URL', () => {
  it('round-trips every filter and keeps the live view’s parameters apart', () => {
    const live = '?view=history&q=live-search&status=OPEN,NEW&engine=e1';
    const filters = {
      search: 'coid_7',
      status: 'CANCELED' as const,
      engine: 'eng-2',
      symbol: 'ETH-USD',
      side: 'sell' as const,
      from: Date.UTC(2026, 11, 3, 9, 0),
      to: Date.UTC(2026, 11, 3, 10, 30),
    };
    const search = writeHistoryFilters(live, filters);
    expect(parseHistoryFilters(search)).toEqual(filters);
    expect(search).toContain('hfrom=2026-12-03T09%3A00%3A00.000Z');
    const view = parseViewParams(search);
    expect(view).toMatchObject({ view: 'history', search: 'live-search', statuses: ['OPEN', 'NEW'], engine: 'e1' });
    // Clearing them takes only the history keys out.
    const cleared = writeHistoryFilters(search, NO_HISTORY_FILTERS);
    expect(parseViewParams(cleared)).toEqual(parseViewParams(live));
    expect([...new URLSearchParams(cleared).keys()]).toEqual(['view', 'q', 'status', 'engine']);
  });

  it('reads what a hand-written link may hold, and drops what it cannot read', () => {
    expect(readTime('2026-12-03T12:30')).toBe(Date.UTC(2026, 11, 3, 12, 30));
    expect(readTime('2026-12-03T12:30:00+01:00')).toBe(Date.UTC(2026, 11, 3, 11, 30));
    expect(readTime('1796301000000')).toBe(1796301000000);
    expect(readTime('yesterday')).toBeNull();
    expect(parseHistoryFilters('?hstatus=DONE&hside=up&hfrom=soon&hengine=')).toEqual(NO_HISTORY_FILTERS);
  });

  it('the view switch writes history and main', () => {
    expect(writeViewParams('?q=x', { view: 'history' })).toBe('?q=x&view=history');
    expect(writeViewParams('?view=history', { view: 'main' })).toBe('');
    expect(parseViewParams('?view=elsewhere').view).toBe('main');
  });
});
