/**
 * Pretty-prints a JSON value (2-space indent). A string that parses as JSON is re-indented;
 * any other string is returned as is. `undefined` becomes an empty string; a value
 * `JSON.stringify` cannot handle (a cycle, a BigInt) becomes `String(value)`.
 */
export function formatJson(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2)
    } catch {
      return value
    }
  }
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return String(value)
  }
}
