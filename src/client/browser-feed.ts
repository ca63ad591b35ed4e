import { systemClock } from '../platform/system-clock';
import type { Dashboard } from '../store/dashboard-store';
import type { Feed } from './feed-client';
import { createFeed } from './feed-client';

/** The feed as a browser page runs it: window's fetch, the system clock and randomness. */
export function createBrowserFeed(dashboard: Dashboard, token: string | null): Feed {
  return createFeed({
    dashboard,
    fetch: (url, init) => window.fetch(url, init),
    clock: systemClock,
    random: Math.random,
    token,
  });
}
