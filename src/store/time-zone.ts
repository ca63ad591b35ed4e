import { useSyncExternalStore } from 'react';
import { createStoredChoice } from './stored-choice';

/** How the desk's clock times read: UTC (the relay's and the engines' zone) or this browser's zone. */
export type TimeZoneChoice = 'utc' | 'local';

const timeZone = createStoredChoice<TimeZoneChoice>(
  'orderwatch.time-zone',
  (raw) => (raw === 'local' ? 'local' : 'utc'),
  (choice) => choice,
);

/** Remembered by this browser. */
export const setTimeZone = (choice: TimeZoneChoice): void => timeZone.set(choice);

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(timeZone.subscribe, timeZone.read, () => 'utc');
}

/** The zone's short name for labels: "UTC", or the browser's own ("CET", "GMT+1"). */
export function zoneLabel(choice: TimeZoneChoice, at = Date.now()): string {
  if (choice === 'utc') return 'UTC';
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local';
}
