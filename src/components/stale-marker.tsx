import { STALE_ICON } from './status-palette';
import { UntrustedText } from './untrusted-text';

/**
 * Units of a reason kept in view when the column cuts it: from its " — " on ("— over 300 s
 * limit"), so a narrow column loses the middle of the sentence, not the limit that was broken.
 */
function reasonEnd(reason: string): number {
  const dash = reason.lastIndexOf(' — ');
  return dash < 0 ? 16 : reason.length - dash - 1;
}

/** Why an order is stale, cut (where it must be) in the middle of the sentence. */
export function StaleMarkerReason({ reason, className }: { readonly reason: string; readonly className?: string }) {
  return <UntrustedText text={reason} keepEnd={reasonEnd(reason)} className={className} />;
}

/** The unmistakable stale flag: icon plus the word, with the reason beside it. */
export function StaleMarker({ reason }: { readonly reason: string }) {
  return (
    <span className="stale-marker">
      <strong className="stale-marker__flag">
        <span aria-hidden="true">{STALE_ICON}</span> STALE
      </strong>{' '}
      <StaleMarkerReason reason={reason} className="stale-marker__reason" />
    </span>
  );
}
