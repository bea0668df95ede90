/**
 * Readable validation messages. `zod/mini` loads no locale (every issue reads "Invalid input"),
 * and loading one would change zod's global config for the host app, so the kit phrases the
 * few issue kinds its schemas can raise itself.
 */
import type * as z from 'zod/mini'

type Issue = z.core.$ZodIssue

/** The JSON type of a value, as named in messages (`null`, `array`, `object`, `string`, ...). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (value === undefined) return 'undefined'
  return typeof value
}

/** Path segments as a JSON Pointer (`['delta']` → `/delta`, `[]` → `/`). */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '/' : path.map((p) => `/${String(p)}`).join('')
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function describe(issue: Issue, input: unknown): string {
  const received = jsonTypeOf(valueAt(input, issue.path))
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'integer' : issue.expected}, received ${received}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}, received ${JSON.stringify(valueAt(input, issue.path)) ?? received}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}, received ${JSON.stringify(valueAt(input, issue.path)) ?? received}`
    case 'invalid_union':
      return (issue as { note?: string }).note ?? `no variant matches (received ${received})`
    case 'too_small':
      return `too small: expected at least ${String(issue.minimum)}`
    case 'too_big':
      return `too big: expected at most ${String(issue.maximum)}`
    case 'invalid_format':
      return `invalid format (${issue.format})`
    case 'unrecognized_keys':
      return `unrecognized keys ${issue.keys.join(', ')}`
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value'
  }
}

/**
 * The issues as a JSON object from JSON Pointer to problem, e.g.
 * `{"/delta":"expected string, received number"}`,
 * `{"/role":"expected \"reasoning\", received \"assistant\""}`,
 * `{"/outcome":"expected object, received array"}`. JSON, so a log parser can read it back and
 * the values stay unambiguous; the same escaping as the reference client's messages.
 *
 * @param issues zod issues (at most the first 5 are described; several on one path join with `; `).
 * @param input the value that was validated (to name what was received).
 */
export function formatIssues(issues: readonly Issue[], input: unknown): string {
  const out: Record<string, string> = {}
  for (const issue of issues.slice(0, 5)) {
    const key = toPointer(issue.path)
    const text = describe(issue, input)
    out[key] = out[key] === undefined ? text : `${out[key]}; ${text}`
  }
  if (issues.length > 5) out['…'] = `and ${issues.length - 5} more`
  return JSON.stringify(out)
}
