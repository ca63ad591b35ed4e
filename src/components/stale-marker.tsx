import { STALE_ICON } from './status-palette';
/** The unmistakable stale flag: icon plus the word, with the reason beside it. */
export function StaleMarker({ reason }: { readonly reason: string }) {
  return (
    <span className="stale-marker" title={reason}>
      <span aria-hidden="true">{STALE_ICON}</span> <strong>STALE</strong> <span className="stale-marker__reason">{reason}</span>
    </span>
  );
}
