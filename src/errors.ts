/** Errors the library throws on purpose, so callers can tell them apart. */

/** Throws a TypeError naming the argument when `value` is not a string. */
export function assertString(value: unknown, fn: string, arg: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new TypeError(`${fn}: argument "${arg}" must be a string, got ${describe(value)}`);
  }
}

/** A short description of a value's type for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** A model file that cannot be used: names the file (when known) and what is wrong. */
export class ModelFormatError extends Error {
  override readonly name = 'ModelFormatError';
  constructor(
    message: string,
    readonly source?: string,
  ) {
    super(source ? `${source}: ${message}` : message);
  }
}
