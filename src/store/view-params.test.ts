import { describe, expect, it } from 'vitest';
import { parseViewParams, writeViewParams } from './view-params';

describe('view params', () => {
  it('round-trips every setting through the query string', () => {
    const search = writeViewParams('?token=abc&keep=1', {
      statuses: ['OPEN', 'NEW'],
      staleOnly: true,
      side: 'sell',
      engine: 'eng 1',
      route: 'live',
      symbol: 'ETH-USD',
      search: 'btc',
      groupBy: 'route',
      sort: [
        { key: 'fill_pct', desc: true },
        { key: 'symbol', desc: false },
      ],
      staleAfterSec: 45,
      newAckSec: 30,
      order: 'coid/1&2',
    });
    const p = parseViewParams(search);
    expect(p).toMatchObject({
      statuses: ['OPEN', 'NEW'],
      staleOnly: true,
      side: 'sell',
      engine: 'eng 1',
      route: 'live',
      symbol: 'ETH-USD',
      search: 'btc',
      groupBy: 'route',
      staleAfterSec: 45,
      newAckSec: 30,
      order: 'coid/1&2',
      token: 'abc',
    });
    expect(p.sort).toEqual([
      { key: 'fill_pct', desc: true },
      { key: 'symbol', desc: false },
    ]);
    expect(new URLSearchParams(search).get('sort')).toBe('-fill_pct,symbol');
    expect(new URLSearchParams(search).get('keep')).toBe('1');
  });

  it('ignores what it cannot read', () => {
    const p = parseViewParams('?status=OPEN,BOGUS&side=up&sort=-nope&stale_after=-3&view=other');
    expect(p.statuses).toEqual(['OPEN']);
    expect(p.side).toBeNull();
    expect(p.sort).toEqual([]);
    expect(parseViewParams('?sort=-age,age,nope,symbol,side,fees').sort).toEqual([
      { key: 'age', desc: true },
      { key: 'symbol', desc: false },
      { key: 'side', desc: false },
    ]);
    expect(p.staleAfterSec).toBeNull();
    // The threshold boxes' range holds for a link too: whole seconds from 1 to a day.
    expect(parseViewParams('?stale_after=86401&stale_new=0.5&stale_open=1e9&stale_partial=0').staleAfterSec).toBeNull();
    const outOfRange = parseViewParams('?stale_new=0.5&stale_open=1e9&stale_partial=0');
    expect([outOfRange.newAckSec, outOfRange.openNoFillSec, outOfRange.partialNoFillSec]).toEqual([null, null, null]);
    expect(parseViewParams('?stale_after=86400&stale_new=1').staleAfterSec).toBe(86_400);
    expect(parseViewParams('?stale_new=1').newAckSec).toBe(1);
    expect(p.view).toBe('main');
    expect(parseViewParams('?group=venue').groupBy).toBe('symbol');
  });

  it('removes cleared settings', () => {
    expect(writeViewParams('?status=OPEN&q=x', { statuses: [], search: '' })).toBe('');
  });
});
