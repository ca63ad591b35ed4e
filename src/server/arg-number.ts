/** A flag's or variable's number within its range, or an Error naming the flag, the range and what was given. */
export function parseNumber(flag: string, text: string, spec: { min: number; max?: number; integer: boolean }): number {
  const value = Number(text);
  const range = spec.max === undefined ? `≥ ${spec.min}` : `from ${spec.min} to ${spec.max}`;
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < spec.min ||
    value > (spec.max ?? Infinity) ||
    (spec.integer && !Number.isInteger(value))
  ) {
    throw new Error(`${flag}: want ${spec.integer ? 'an integer' : 'a number'} ${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}
