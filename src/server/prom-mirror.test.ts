import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { mirrorCounter, mirrorCounterByLabel } from './prom-mirror';

async function scrape(registry: Registry, name: string): Promise<string[]> {
  const text = await registry.metrics();
  return text.split('\n').filter((line) => line.startsWith(name));
}

describe('prom-mirror', () => {
  it('reports a kept total, and takes a fallen total as the new base', async () => {
    const registry = new Registry();
    let total = 3;
    mirrorCounter(registry, 'kept_total', 'a total kept elsewhere', () => total);
    expect(await scrape(registry, 'kept_total')).toEqual(['kept_total 3']);
    total = 1;
    expect(await scrape(registry, 'kept_total')).toEqual(['kept_total 3']);
    total = 4;
    expect(await scrape(registry, 'kept_total')).toEqual(['kept_total 6']);
  });

  it('reports each label value, at 0 before anything happened', async () => {
    const registry = new Registry();
    const totals = new Map([
      ['a', 0],
      ['b', 2],
    ]);
    mirrorCounterByLabel(registry, 'by_kind_total', 'totals by kind', 'kind', () => totals);
    expect(await scrape(registry, 'by_kind_total')).toEqual(['by_kind_total{kind="a"} 0', 'by_kind_total{kind="b"} 2']);
    totals.set('a', 5);
    expect(await scrape(registry, 'by_kind_total')).toEqual(['by_kind_total{kind="a"} 5', 'by_kind_total{kind="b"} 2']);
  });
});
