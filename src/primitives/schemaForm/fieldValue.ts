import type { FieldSpec, JsonSchema, ScalarKind } from './JsonSchema'
import { formatMessage, type SchemaFormMessages } from './SchemaFormMessages'

/**
 * What a field's controls hold while the person edits: text for `string`/`number`/`integer`/
 * `json`, the option index as text for `enum` (`''` = none), `boolean | undefined` for
 * `boolean` (`undefined` = not set), an array of those for `array`, option indices for
 * `multiEnum`. Numbers stay text until submit so "1." or "-" can be typed.
 */
export type FieldRaw = string | boolean | undefined | Array<string | boolean> | number[]

/** A field's value read from its controls: `present: false` leaves the property out. */
export interface FieldResult {
  present: boolean
  value?: unknown
  /** Validation message (from {@link SchemaFormMessages}); the field is invalid. */
  error?: string
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function scalarToRaw(kind: ScalarKind, options: readonly unknown[], value: unknown) {
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined
    case 'enum': {
      const index = value === undefined ? -1 : options.findIndex((o) => sameJson(o, value))
      return index < 0 ? '' : String(index)
    }
    case 'number':
    case 'integer':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
    default:
      return typeof value === 'string' ? value : value == null ? '' : String(value)
  }
}

/** The controls' state for `value` (or the schema `default` when `value` is `undefined`). */
export function toRaw(field: FieldSpec, value: unknown): FieldRaw {
  const v = value === undefined ? field.schema.default : value
  switch (field.kind) {
    case 'array': {
      const item = field.item!
      return Array.isArray(v) ? v.map((x) => scalarToRaw(item.kind, [], x) ?? false) : []
    }
    case 'multiEnum': {
      const options = field.options ?? []
      if (!Array.isArray(v)) return []
      return options.flatMap((o, i) => (v.some((x) => sameJson(x, o)) ? [i] : []))
    }
    case 'json':
      return v === undefined ? '' : JSON.stringify(v, null, 2)
    default:
      return scalarToRaw(field.kind, field.options ?? [], v)
  }
}

function exclusiveBound(schema: JsonSchema, which: 'min' | 'max'): number | undefined {
  const exclusive = which === 'min' ? schema.exclusiveMinimum : schema.exclusiveMaximum
  const bound = which === 'min' ? schema.minimum : schema.maximum
  if (typeof exclusive === 'number') return exclusive
  return exclusive === true && typeof bound === 'number' ? bound : undefined
}

function checkNumber(schema: JsonSchema, n: number, m: SchemaFormMessages): string | undefined {
  const exMin = exclusiveBound(schema, 'min')
  const exMax = exclusiveBound(schema, 'max')
  if (typeof schema.minimum === 'number' && schema.exclusiveMinimum !== true && n < schema.minimum)
    return formatMessage(m.minimum, { min: schema.minimum })
  if (typeof schema.maximum === 'number' && schema.exclusiveMaximum !== true && n > schema.maximum)
    return formatMessage(m.maximum, { max: schema.maximum })
  if (exMin !== undefined && n <= exMin) return formatMessage(m.exclusiveMinimum, { min: exMin })
  if (exMax !== undefined && n >= exMax) return formatMessage(m.exclusiveMaximum, { max: exMax })
  const step = schema.multipleOf
  if (typeof step === 'number' && step > 0) {
    const q = n / step
    if (Math.abs(q - Math.round(q)) > 1e-9) return formatMessage(m.multipleOf, { step })
  }
  return undefined
}

function checkString(schema: JsonSchema, s: string, m: SchemaFormMessages): string | undefined {
  const length = [...s].length
  if (typeof schema.minLength === 'number' && length < schema.minLength)
    return formatMessage(m.minLength, { min: schema.minLength })
  if (typeof schema.maxLength === 'number' && length > schema.maxLength)
    return formatMessage(m.maxLength, { max: schema.maxLength })
  if (typeof schema.pattern === 'string') {
    try {
      if (!new RegExp(schema.pattern, 'u').test(s)) return m.pattern
    } catch {
      // An invalid pattern is the schema's fault; the store's validator reports it.
    }
  }
  return undefined
}

/** Reads one scalar control. `required` turns an empty control into an error. */
export function scalarFromRaw(
  kind: ScalarKind,
  schema: JsonSchema,
  options: readonly unknown[],
  raw: string | boolean | undefined,
  required: boolean,
  m: SchemaFormMessages,
): FieldResult {
  if (kind === 'boolean') {
    if (typeof raw === 'boolean') return { present: true, value: raw }
    return required ? { present: true, value: false } : { present: false }
  }
  const text = typeof raw === 'string' ? raw : ''
  if ((kind === 'number' || kind === 'integer' ? text.trim() : text) === '') {
    return required ? { present: false, error: m.required } : { present: false }
  }
  if (kind === 'enum') return { present: true, value: options[Number(text)] }
  if (kind === 'string') {
    const error = checkString(schema, text, m)
    return error ? { present: true, value: text, error } : { present: true, value: text }
  }
  const n = Number(text.trim())
  if (!Number.isFinite(n)) return { present: false, error: m.invalidNumber }
  if (kind === 'integer' && !Number.isInteger(n)) return { present: false, error: m.invalidInteger }
  const error = checkNumber(schema, n, m)
  return error ? { present: true, value: n, error } : { present: true, value: n }
}

function checkCount(schema: JsonSchema, count: number, m: SchemaFormMessages) {
  if (typeof schema.minItems === 'number' && count < schema.minItems)
    return formatMessage(m.minItems, { min: schema.minItems })
  if (typeof schema.maxItems === 'number' && count > schema.maxItems)
    return formatMessage(m.maxItems, { max: schema.maxItems })
  return undefined
}

/**
 * Reads and validates a field's controls: the JSON value to submit (or `present: false`) and
 * the first validation message, from `required` and the keywords the controls can break
 * (`minLength`, `maxLength`, `pattern`, `minimum`, `maximum`, `exclusive*`, `multipleOf`,
 * `minItems`, `maxItems`, integer-ness, JSON syntax).
 */
export function fromRaw(field: FieldSpec, raw: FieldRaw, m: SchemaFormMessages): FieldResult {
  const { kind, schema, required } = field
  if (kind === 'json') {
    const text = typeof raw === 'string' ? raw : ''
    if (text.trim() === '')
      return required ? { present: false, error: m.required } : { present: false }
    try {
      return { present: true, value: JSON.parse(text) }
    } catch (error) {
      return {
        present: false,
        error: formatMessage(m.invalidJson, { error: (error as Error).message }),
      }
    }
  }
  if (kind === 'multiEnum') {
    const options = field.options ?? []
    const values = (Array.isArray(raw) ? (raw as number[]) : []).map((i) => options[i])
    if (values.length === 0 && !required) return { present: false }
    const error = checkCount(schema, values.length, m)
    return error ? { present: true, value: values, error } : { present: true, value: values }
  }
  if (kind === 'array') {
    const item = field.item!
    const items = (Array.isArray(raw) ? raw : []).filter((x) => x !== '')
    const values: unknown[] = []
    for (const [index, x] of items.entries()) {
      const r = scalarFromRaw(item.kind, item.schema, [], x as string | boolean, true, m)
      if (r.error) {
        const name = formatMessage(m.item, { label: field.label, index: index + 1 })
        return { present: false, error: `${name}: ${r.error}` }
      }
      values.push(r.value)
    }
    if (values.length === 0 && !required) return { present: false }
    const error = checkCount(schema, values.length, m)
    return error ? { present: true, value: values, error } : { present: true, value: values }
  }
  return scalarFromRaw(
    kind,
    schema,
    field.options ?? [],
    raw as string | boolean | undefined,
    required,
    m,
  )
}
