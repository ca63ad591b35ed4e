import { describe, expect, it } from 'vitest';
import { loadTheme, saveTheme } from './theme';
import { titleFor } from './use-document-title';

describe('app shell', () => {
  it('titles the tab with the stale count', () => {
    expect(titleFor(0)).toBe('Orderwatch');
    expect(titleFor(3)).toBe('(3 stale) Orderwatch');
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
