import { formatPct } from '../lib/format';

/** Fill percentage as a bar and a number; the bar is decoration, the number is the value. */
export function FillBar({ pct }: { readonly pct: number }) {
  const width = Math.max(0, Math.min(100, Number.isFinite(pct) ? pct : 0));
  return (
    <span className="fill-bar" data-pct={width.toFixed(1)}>
      <span className="fill-bar__track" aria-hidden="true">
        {/* Scaled, not resized: a new fill repaints the bar without a layout. No animation: at thousands of fills a second it only cost frames. */}
        <span className="fill-bar__fill" style={{ transform: `scaleX(${width / 100})` }} />
      </span>
      <span className="fill-bar__value num">{formatPct(pct)}</span>
    </span>
  );
}
