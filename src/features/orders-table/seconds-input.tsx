import { useEffect, useState } from 'react';

interface SecondsInputProps {
  readonly label: string;
  readonly value: number | null;
  readonly placeholder?: string;
  readonly onChange: (seconds: number | null) => void;
}

/** A number of seconds; empty means "off" (or "the default"), nonsense is not applied. */
export function SecondsInput({ label, value, placeholder, onChange }: SecondsInputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = (raw: string): void => {
    if (raw.trim() === '') return onChange(null);
    const n = Number(raw);
    if (Number.isFinite(n) && n > 0) onChange(n);
  };
  return (
    <label className="field field--seconds">
      <span className="field__label">{label}</span>
      <input
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
      />
      <span className="field__unit" aria-hidden="true">
        s
      </span>
    </label>
  );
}
