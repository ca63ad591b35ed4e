import { describe, expect, it } from 'vitest';
import { loadTheme, saveTheme } from './theme';
import { titleFor } from './use-document-title';

describe('app shell', () => {
  it('titles the tab with the stale count, silent engines and a dead feed', () => {
    expect(titleFor({ stale: 0, silent: 0, feedDown: false })).toBe('Orderwatch');
    expect(titleFor({ stale: 3, silent: 0, feedDown: false })).toBe('(3 stale) Orderwatch');
    expect(titleFor({ stale: 3, silent: 1, feedDown: true })).toBe('(3 stale · 1 silent · FEED DOWN) Orderwatch');
    expect(titleFor({ stale: 0, silent: 0, feedDown: true })).toBe('(FEED DOWN) Orderwatch');
  });

  it('remembers the theme, dark by default, and survives a broken storage', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadTheme(storage)).toBe('dark');
    saveTheme('light', storage);
    expect(loadTheme(storage)).toBe('light');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadTheme(broken)).toBe('dark');
    expect(() => saveTheme('light', broken)).not.toThrow();
  });
});
