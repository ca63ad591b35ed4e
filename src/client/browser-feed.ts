import type { Dashboard } from '../store/dashboard-store';
import type { Feed } from './feed-client';
import { createFeed } from './feed-client';

/** The feed as a browser page runs it: window's fetch, timers, clock and randomness. */
export function createBrowserFeed(dashboard: Dashboard, token: string | null): Feed {
  return createFeed({
    dashboard,
    fetch: (url, init) => window.fetch(url, init),
    timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    now: () => Date.now(),
    random: Math.random,
    token,
  });
}
