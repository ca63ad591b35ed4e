import { formatAge } from '../lib/format';

/**
 * An age in seconds, formatted. The caller supplies the time: one shared clock drives all. A
 * finished order's figure is its lifetime, not an age: it says so ("took 3 s").
 */
export function AgeTimer({ seconds, frozen = false }: { readonly seconds: number; readonly frozen?: boolean }) {
  if (!frozen) return <span className="age-timer num">{formatAge(seconds)}</span>;
  return (
    <span className="age-timer age-timer--frozen num" title="Lifetime: from created to finished">
      <span className="age-timer__took">took</span> {formatAge(seconds)}
    </span>
  );
}
