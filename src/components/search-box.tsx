import { useEffect, useState } from 'react';

interface Draft {
  readonly text: string;
  /** The value the draft was last reconciled with. */
  readonly for: string;
  /** The last text handed to onChange: its echo through the URL must not undo later typing. */
  readonly sent: string | null;
}

/** Search over ids and symbol; the URL follows after a short pause in typing. */
export function SearchBox({ value, onChange }: { readonly value: string; readonly onChange: (value: string) => void }) {
  const [draft, setDraft] = useState<Draft>({ text: value, for: value, sent: null });
  // The value changed: our own echo keeps what was typed since; a change from elsewhere (the URL,
  // a clear button) replaces the draft.
  if (draft.for !== value) setDraft({ text: value === draft.sent ? draft.text : value, for: value, sent: draft.sent });
  const { text } = draft;
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => {
      setDraft((d) => ({ ...d, sent: text }));
      onChange(text);
    }, 150);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <input
      type="search"
      className="search-box"
      aria-label="Search"
      placeholder="Search id, exchange id, symbol"
      value={text}
      onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        setDraft((d) => ({ ...d, sent: text }));
        onChange(text);
      }}
    />
  );
}
