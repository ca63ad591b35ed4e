import { useEffect, useRef, useState } from 'react';

type CopyOutcome = 'copied' | 'unavailable';

/**
 * Copies `value` exactly as the engine sent it (invisible characters included: what the
 * operator pastes into the engine's own tools must match), and says so beside the button.
 * Without a clipboard (a plain-http page on another host, a denied permission) it says that
 * instead and puts the raw value, selected, in a read-only box for Ctrl+C. No timer: "Copied" stays
 * until focus leaves the button.
 */
export function CopyButton({ value, label }: { readonly value: string; readonly label: string }) {
  // The outcome belongs to the value it was for: another order's id starts blank.
  const [outcome, setOutcome] = useState<{ readonly value: string; readonly is: CopyOutcome } | null>(null);
  const shown = outcome !== null && outcome.value === value ? outcome.is : null;
  const fallback = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (shown !== 'unavailable') return;
    fallback.current?.focus();
    fallback.current?.select();
  }, [shown]);

  const copy = async (): Promise<void> => {
    const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
    try {
      if (clipboard === undefined || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
      await clipboard.writeText(value);
      setOutcome({ value, is: 'copied' });
    } catch {
      setOutcome({ value, is: 'unavailable' });
    }
  };

  return (
    <span className="copy">
      <button
        type="button"
        className="copy__button"
        aria-label={`Copy ${label}`}
        onClick={() => void copy()}
        onBlur={() => {
          if (shown === 'copied') setOutcome(null);
        }}
      >
        Copy
      </button>
      <span className="copy__status" role="status">
        {shown === 'copied' && '✓ Copied'}
        {shown === 'unavailable' && 'Clipboard unavailable here: press Ctrl+C (⌘C) to copy the selected value'}
      </span>
      {shown === 'unavailable' && (
        // A textarea, not an input: an input's value drops line breaks, and this must be the raw value.
        <textarea
          ref={fallback}
          className="copy__fallback"
          readOnly
          rows={1}
          value={value}
          aria-label={`${label}, selected for copying`}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </span>
  );
}
