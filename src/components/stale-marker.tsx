import { STALE_ICON } from './status-palette';
/** The unmistakable stale flag: icon plus the word, with the reason beside it. */
export function StaleMarker({ reason }: { readonly reason: string }) {
  return (
    <span className="stale-marker" title={reason}>
      <strong className="stale-marker__flag">
        <span aria-hidden="true">{STALE_ICON}</span> STALE
      </strong>{' '}
      <span className="stale-marker__reason" title={reason}>
        {reason}
      </span>
    </span>
  );
}
