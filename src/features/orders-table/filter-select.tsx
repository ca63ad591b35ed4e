interface FilterSelectProps {
  readonly label: string;
  readonly value: string | null;
  readonly options: readonly string[];
  readonly onChange: (value: string | null) => void;
}

/** A labelled select whose first option means "any". */
export function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  // Keep a value from the URL selectable even before an order with it has arrived.
  const all = value !== null && !options.includes(value) ? [value, ...options] : options;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">Any</option>
        {all.map((o) => (
          <option key={o} value={o}>
            {o === '' ? '(none)' : o}
          </option>
        ))}
      </select>
    </label>
  );
}
