import { formatAge } from '../lib/format';

/** An age in seconds, formatted. The caller supplies the time: one shared clock drives all. */
export function AgeTimer({ seconds, frozen = false }: { readonly seconds: number; readonly frozen?: boolean }) {
  return <span className={frozen ? 'age-timer age-timer--frozen num' : 'age-timer num'}>{formatAge(seconds)}</span>;
}
