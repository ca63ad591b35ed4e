import { formatPct } from '../lib/format';

/** Fill percentage as a bar and a number; the bar is decoration, the number is the value. */
export function FillBar({ pct }: { readonly pct: number }) {
  const width = Math.max(0, Math.min(100, Number.isFinite(pct) ? pct : 0));
  return (
    <span className="fill-bar" data-pct={width.toFixed(1)}>
      <span className="fill-bar__track" aria-hidden="true">
        <span className="fill-bar__fill" style={{ width: `${width}%` }} />
      </span>
      <span className="fill-bar__value num">{formatPct(pct)}</span>
    </span>
  );
}
