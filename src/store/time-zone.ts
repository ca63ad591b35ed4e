import { useCallback, useSyncExternalStore } from 'react';
import { formatClockIn } from '../lib/format';
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

/**
 * A clock time in the desk's zone with the zone's name ("12:00:03 UTC", "13:00:03 CET"), dated
 * ("11-24 12:00:03 UTC") when it is not the day of `today` in that zone: for times shown on their
 * own, outside a column whose header already names the zone.
 */
export function useZonedClock(): (epochMs: number, today: number) => string {
  const zone = useTimeZone();
  return useCallback((epochMs: number, today: number) => `${formatClockIn(epochMs, zone, today)} ${zoneLabel(zone, epochMs)}`, [zone]);
}
