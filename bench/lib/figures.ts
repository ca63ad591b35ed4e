/** What a figure must reach: a floor (rates) or a ceiling (memory, latency). */
export type Target = { readonly atLeast: number } | { readonly atMost: number };

/** One measured figure, printed beside its target. */
export interface Figure {
  readonly figure: string;
  readonly value: number;
  readonly unit: string;
  /** Absent for context figures that have no goal (e.g. the baseline's own rate). */
  readonly target?: Target;
}

export interface CheckedFigure extends Figure {
  /** null when the figure has no target. */
  readonly ok: boolean | null;
}

export function check(figure: Figure): CheckedFigure {
  const t = figure.target;
  if (t === undefined) return { ...figure, ok: null };
  return { ...figure, ok: 'atLeast' in t ? figure.value >= t.atLeast : figure.value <= t.atMost };
}

/** 1234567.8 → "1,234,568"; small values keep a few significant digits. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '' ? text : `${text} ${unit}`;
}

function formatTarget(figure: Figure): string {
  const t = figure.target;
  if (t === undefined) return '';
  return 'atLeast' in t ? `≥ ${formatValue(t.atLeast, figure.unit)}` : `≤ ${formatValue(t.atMost, figure.unit)}`;
}

/**
 * Prints `figure | value | target | ok` as an aligned table and returns the checked figures.
 * @example printFigures('core', [{ figure: 'events/s applied', value: 2.4e6, unit: 'ev/s', target: { atLeast: 2e6 } }])
 */
export function printFigures(title: string, figures: readonly Figure[], log: (line: string) => void = console.log): CheckedFigure[] {
  const checked = figures.map(check);
  const rows = [
    ['figure', 'value', 'target', 'ok'],
    ...checked.map((f) => [f.figure, formatValue(f.value, f.unit), formatTarget(f), f.ok === null ? '' : f.ok ? 'yes' : 'NO']),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]): string =>
    row
      .map((cell, col) => (col === 1 ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
      .join(' | ')
      .trimEnd();
  log('');
  log(title);
  log(line(rows[0]!));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) log(line(row));
  return checked;
}

/** True when every figure with a target met it. */
export function allMet(figures: readonly CheckedFigure[]): boolean {
  return figures.every((f) => f.ok !== false);
}
