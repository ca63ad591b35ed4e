import { middleEllipsis } from '../lib/visible-text';

/** Units an option shows: a select is as wide as its longest option, and its text cannot be cut by CSS. */
const OPTION_MAX = 32;
const OPTION_KEEP_END = 6;

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
            {o === '' ? '(none)' : middleEllipsis(o, OPTION_MAX, OPTION_KEEP_END)}
          </option>
        ))}
      </select>
    </label>
  );
}
