/**
 * True for a non-null, non-array object (a JSON object). Its own module: code outside the
 * validator (input preparation, legacy upgrades) uses it without pulling in the zod schemas.
 */
export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
