import { useEffect, useRef, useState } from 'react';
import { useBookVersion, useDashboard } from './dashboard-context';
import { useRelayNow } from './relay-clock';
import { sharedStaleCount } from './stale-count-cache';
import { useStaleThresholds } from './view-params';

const RECOUNT_INTERVAL_MS = 250;

/**
 * How many orders are stale under the limits in force, on the relay's clock. Recounted on
 * each clock tick and, while events stream, at most every 250 ms (a full scan of the book).
 */
export function useStaleCount(): number {
  const dashboard = useDashboard();
  const version = useBookVersion();
  const now = useRelayNow();
  const thresholds = useStaleThresholds();
  const [count, setCount] = useState(() => sharedStaleCount(dashboard.book(), dashboard.relayNow(), thresholds, Date.now()));
  const lastRun = useRef({ at: 0, thresholds });

  useEffect(() => {
    const run = (): void => {
      lastRun.current = { at: Date.now(), thresholds };
      setCount(sharedStaleCount(dashboard.book(), dashboard.relayNow(), thresholds, Date.now()));
    };
    const wait = lastRun.current.thresholds !== thresholds ? 0 : lastRun.current.at + RECOUNT_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      run();
      return;
    }
    const timer = setTimeout(run, wait);
    return () => clearTimeout(timer);
  }, [dashboard, thresholds, version, now]);

  return count;
}
