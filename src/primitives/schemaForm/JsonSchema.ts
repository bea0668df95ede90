/**
 * The part of a JSON Schema (draft-07 / 2020-12, as `z.toJSONSchema` and AG-UI
 * `Interrupt.responseSchema` carry it) that {@link SchemaForm} reads. Other keywords are
 * allowed and ignored by the form (the store still validates the whole schema).
 */
export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | JsonSchema[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minItems?: number
  maxItems?: number
  [keyword: string]: unknown
}

/** Scalar kinds a field can edit with one control. */
export type ScalarKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum'

/**
 * How a field is edited: one control per scalar kind, `array` (a list of scalar controls with
 * Add/Remove), `multiEnum` (an array of enum values as a checkbox group), or `json` (a JSON
 * text editor, for anything else: nested objects, unions, tuples, ...).
 */
export type FieldKind = ScalarKind | 'array' | 'multiEnum' | 'json'

/** One field of a schema form. */
export interface FieldSpec {
  /** Property name (`''` for a form whose root is a single value). */
  key: string
  /** The field's schema (nullable unions unwrapped). */
  schema: JsonSchema
  kind: FieldKind
  /** For `array`: the items' kind and schema. */
  item?: { kind: ScalarKind; schema: JsonSchema }
  /** Allowed values, for `enum` and `multiEnum`. */
  options?: readonly unknown[]
  /** Listed in the parent's `required` (or the root of a single-value form). */
  required: boolean
  /** `schema.title`, else the key in words (`due_date` → "Due date"). */
  label: string
}

/**
 * The layout of a form: `object` (one field per property), `single` (the root is one
 * editable value) or `json` (the root is edited as JSON text).
 */
export interface SchemaFormLayout {
  mode: 'object' | 'single' | 'json'
  fields: readonly FieldSpec[]
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `{ anyOf: [X, { type: 'null' }] }` and `type: ['x', 'null']` read as X. */
export function unwrapNullable(schema: JsonSchema): JsonSchema {
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) {
    const rest = union.filter((s) => !(isObject(s) && s.type === 'null'))
    if (rest.length === 1 && rest.length < union.length && isObject(rest[0])) {
      const { anyOf: _a, oneOf: _o, ...outer } = schema
      return { ...outer, ...rest[0] }
    }
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null')
    if (types.length === 1) return { ...schema, type: types[0] }
  }
  return schema
}

/** The scalar kind of a schema, or `undefined` when it is not one control. */
export function scalarKind(raw: JsonSchema): ScalarKind | undefined {
  const schema = unwrapNullable(raw)
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'enum'
  if ('const' in schema) return 'enum'
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return schema.type
    default:
      return undefined
  }
}

/** Enum options of a schema (`enum`, or `[const]`). */
export function enumOptions(schema: JsonSchema): unknown[] {
  if (Array.isArray(schema.enum)) return schema.enum
  return 'const' in schema ? [schema.const] : []
}

/** `due_date` / `dueDate` → "Due date". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase()
  return words ? words[0].toUpperCase() + words.slice(1) : key
}

/** The {@link FieldSpec} of one property (or of the root, with key `''`). */
export function describeField(key: string, raw: JsonSchema, required: boolean): FieldSpec {
  const schema = unwrapNullable(raw)
  const label = typeof schema.title === 'string' ? schema.title : humanize(key)
  const base = { key, schema, required, label }
  const kind = scalarKind(schema)
  if (kind === 'enum') return { ...base, kind, options: enumOptions(schema) }
  if (kind) return { ...base, kind }
  if (schema.type === 'array' && isObject(schema.items)) {
    const itemSchema = unwrapNullable(schema.items as JsonSchema)
    const itemKind = scalarKind(itemSchema)
    if (itemKind === 'enum') {
      return { ...base, kind: 'multiEnum', options: enumOptions(itemSchema) }
    }
    if (itemKind) return { ...base, kind: 'array', item: { kind: itemKind, schema: itemSchema } }
  }
  return { ...base, kind: 'json' }
}

/**
 * Lays out a form for `schema`: an object schema with `properties` gets one field per
 * property (in schema order); a scalar, enum or array-of-scalars root is a single field; any
 * other schema (an object without properties, a union, ...) is one required JSON editor, and no
 * schema at all one optional JSON editor (empty means no value).
 */
export function describeSchemaForm(schema: JsonSchema | undefined): SchemaFormLayout {
  if (!isObject(schema)) return { mode: 'json', fields: [describeField('', {}, false)] }
  const root = unwrapNullable(schema)
  const hasFields = isObject(root.properties) && Object.keys(root.properties).length > 0
  if (hasFields && (root.type === 'object' || root.type === undefined)) {
    const required = new Set(Array.isArray(root.required) ? root.required : [])
    const fields = Object.entries(root.properties as Record<string, JsonSchema>)
      .filter(([, s]) => isObject(s))
      .map(([key, s]) => describeField(key, s, required.has(key)))
    return { mode: 'object', fields }
  }
  const single = describeField('', root, true)
  return single.kind === 'json'
    ? { mode: 'json', fields: [single] }
    : { mode: 'single', fields: [single] }
}
