import { useRelayNow } from '../../store/relay-clock';
import { useZonedClock } from '../../store/time-zone';

/**
 * A relay time in the desk's zone, named, dated when not today. Its own component so only a
 * notice that is shown follows the 1 Hz clock: the banner and the restart notice, mounted all
 * the time and empty while all is well, do not re-render each second.
 */
export function ZonedTime({ at }: { readonly at: number }) {
  const clock = useZonedClock();
  const now = useRelayNow();
  return <>{clock(at, now)}</>;
}
