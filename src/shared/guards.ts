/**
 * Small runtime type guards for data that crosses a trust boundary (messages,
 * storage). Hand-written instead of a schema library to keep the content
 * script small.
 */
export type UnknownRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is UnknownRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
export function isString(v: unknown): v is string {
  return typeof v === 'string';
}
export function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}
export function isBoolean(v: unknown): v is boolean {
  return typeof v === 'boolean';
}
export function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
export function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isString);
}
export function isArrayOf<T>(v: unknown, item: (x: unknown) => x is T): v is T[] {
  return Array.isArray(v) && v.every(item);
}
