import { useSyncExternalStore } from 'react';

/** How the desk's clock times read: UTC (the relay's and the engines' zone) or this browser's zone. */
export type TimeZoneChoice = 'utc' | 'local';

const KEY = 'orderwatch.time-zone';
const listeners = new Set<() => void>();
let current: TimeZoneChoice | null = null;

function fromStorage(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(KEY) === 'local' ? 'local' : 'utc';
  } catch {
    return 'utc';
  }
}

const read = (): TimeZoneChoice => (current ??= fromStorage());

/** Remembered by this browser. */
export function setTimeZone(choice: TimeZoneChoice): void {
  current = choice;
  try {
    window.localStorage.setItem(KEY, choice);
  } catch {
    // Private mode: kept for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(subscribe, read, () => 'utc');
}

/** The zone's short name for labels: "UTC", or the browser's own ("CET", "GMT+1"). */
export function zoneLabel(choice: TimeZoneChoice, at = Date.now()): string {
  if (choice === 'utc') return 'UTC';
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local';
}
