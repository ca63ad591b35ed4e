import { splitTail, visibleText } from '../lib/visible-text';

/** Units an id keeps at its end when cut: demo ids share their start and differ at the end. */
export const ID_KEEP_END = 8;
/** Units an engine, symbol or route keeps at its end: "momentum-1" and "meanrev-2" differ there too. */
export const LABEL_KEEP_END = 4;

export interface UntrustedTextProps {
  /** Text as the engine sent it. */
  readonly text: string;
  /**
   * Cut to fit, keeping this many units (code points, or whole ⟨U+XXXX⟩ markers) of the end in
   * view: the start is cut with "…" by CSS, so the distinguishing end always shows and the whole
   * value is in the tooltip (and on screen while a button holding it has keyboard focus).
   * Absent: never cut, the text wraps where it must (reasons, anomaly details).
   */
  readonly keepEnd?: number;
  readonly className?: string;
}

/**
 * Engine-supplied text on screen: rendered as text (React escapes it), every invisible or
 * control character shown as ⟨U+XXXX⟩, and inside <bdi> so right-to-left text in it cannot
 * reorder what follows it (a count, a seq, the next column). The DOM holds the whole visible
 * value in one piece, so a screen reader and find-in-page read it all even where the screen
 * shows it cut.
 */
export function UntrustedText({ text, keepEnd, className }: UntrustedTextProps) {
  if (keepEnd === undefined) {
    return <bdi className={className === undefined ? 'untrusted' : `untrusted ${className}`}>{visibleText(text)}</bdi>;
  }
  const { head, tail } = splitTail(text, keepEnd);
  const cut = className === undefined ? 'untrusted untrusted--cut' : `untrusted untrusted--cut ${className}`;
  if (tail === '') {
    return (
      <bdi className={cut} title={head}>
        <span className="untrusted__head">{head}</span>
      </bdi>
    );
  }
  // Head and tail are two boxes, which a browser reads as two words ("coid_demo_ 17004821") and
  // find-in-page cannot match across: they are for the eye only, and one unbroken copy of the
  // value, visually hidden, is what assistive technology, find and a text selection get.
  return (
    <bdi className={cut} title={head + tail}>
      <span className="untrusted__head" aria-hidden="true">
        {head}
      </span>
      <span className="untrusted__tail" aria-hidden="true">
        {tail}
      </span>
      <span className="untrusted__whole">{head + tail}</span>
    </bdi>
  );
}
