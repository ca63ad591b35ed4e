import { readTime } from '../../store/history-params';

/** "YYYY-MM-DDTHH:MM" in UTC, what a datetime-local input holds (every time on the page is UTC). */
const toInput = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16));

/** One end of the time range (completion time, UTC, to the minute); empty means open-ended. */
export function HistoryTimeInput({
  label,
  value,
  onChange,
}: {
  readonly label: string;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input type="datetime-local" value={toInput(value)} onChange={(e) => onChange(readTime(e.target.value))} />
    </label>
  );
}
