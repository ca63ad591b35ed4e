import type { FeedStatus } from '../../store/dashboard-store';

/** What each feed state is called on screen and in the live region. */
export const FEED_LABEL: Readonly<Record<FeedStatus, string>> = {
  CONNECTING: 'CONNECTING',
  LIVE: 'LIVE',
  STALE: 'STALE FEED',
  RECONNECTING: 'RECONNECTING',
  RESYNCING: 'RESYNCING',
};

export const FEED_ICON: Readonly<Record<FeedStatus, string>> = {
  CONNECTING: '◌',
  LIVE: '●',
  STALE: '◷',
  RECONNECTING: '↻',
  RESYNCING: '⟳',
};
