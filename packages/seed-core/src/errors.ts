/**
 * Typed errors, named after the Python exceptions NumPy raises for the same input, so that a port
 * can map `except ValueError` / `except TypeError` one to one.
 */
export class SeedkitValueError extends RangeError {
  override readonly name: string = 'ValueError';
}

export class SeedkitTypeError extends TypeError {
  override readonly name: string = 'TypeError';
}

/** Short, safe description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}
