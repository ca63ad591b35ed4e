import { useId, useState } from 'react';
import { STALE_LIMIT_SECONDS, staleLimit } from '../../store/view-params';

interface SecondsInputProps {
  readonly label: string;
  readonly value: number | null;
  readonly placeholder?: string;
  readonly onChange: (seconds: number | null) => void;
}

const { min: MIN_SECONDS, max: MAX_SECONDS } = STALE_LIMIT_SECONDS;

/** The draft's meaning: whole seconds in range, "off" (empty), or something that is not applied. */
function readDraft(raw: string): { readonly ok: true; readonly seconds: number | null } | { readonly ok: false } {
  if (raw.trim() === '') return { ok: true, seconds: null };
  const seconds = staleLimit(raw);
  return seconds === null ? { ok: false } : { ok: true, seconds };
}

const shown = (value: number | null): string => (value === null ? '' : String(value));

/**
 * A number of seconds; empty means "off" (or "the default"). Applied on Enter or when focus
 * leaves, never per keystroke (typing 600 must not apply 6, then 60); Escape puts back what is in
 * force. A draft that is not whole seconds in range says so and leaves the limit in force alone.
 */
export function SecondsInput({ label, value, placeholder, onChange }: SecondsInputProps) {
  const [draft, setDraft] = useState({ text: shown(value), for: value });
  const inputId = useId();
  const errorId = useId();
  // The value changed elsewhere (the URL, another control): the draft follows it.
  if (draft.for !== value) setDraft({ text: shown(value), for: value });
  const parsed = readDraft(draft.text);
  const commit = (): void => {
    if (!parsed.ok) return;
    if (parsed.seconds !== value) onChange(parsed.seconds);
  };
  const inForce = value === null ? (placeholder === undefined || placeholder === 'off' ? 'off' : `${placeholder} s`) : `${value} s`;
  return (
    // The error sits outside the label so it describes the box without becoming its name.
    <span className="field field--seconds">
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      <input
        id={inputId}
        type="number"
        min={MIN_SECONDS}
        max={MAX_SECONDS}
        step={1}
        inputMode="numeric"
        value={draft.text}
        placeholder={placeholder}
        aria-invalid={!parsed.ok}
        aria-describedby={parsed.ok ? undefined : errorId}
        onChange={(e) => setDraft({ text: e.target.value, for: value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft({ text: shown(value), for: value });
        }}
      />
      <span className="field__unit" aria-hidden="true">
        s
      </span>
      {!parsed.ok && (
        <span id={errorId} className="field__error" role="status">
          Whole seconds from {MIN_SECONDS} to {MAX_SECONDS}: {inForce} still applies
        </span>
      )}
    </span>
  );
}
