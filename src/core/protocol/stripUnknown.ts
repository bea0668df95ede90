/**
 * The "strip" stage of event enforcement (spec 1.1, "Processing model", forward compatibility):
 * material a schema does not describe is removed before validation, and each removal is
 * reported by its JSON Pointer path, so a newer producer is served rather than rejected.
 *
 * Rules, walking the value against a `zod/mini` schema's definition:
 * - a described object (`z.object`): an undescribed member is removed; an open object
 *   (`z.looseObject`, the spec's JSON Patch operations) keeps it;
 * - an array: an element that is an unrecognised union member is removed, the list survives;
 * - a discriminated union whose discriminator names no member: the value is unrecognised;
 *   in an optional position it is removed, elsewhere it propagates outwards;
 * - a value of the wrong JSON type (an array where an object belongs, ...) is left for the
 *   schema to reject: malformed is fatal, only *unrecognised* is stripped;
 * - opaque schemas (`z.custom`, `z.any`: metadata, state, `rawEvent`, ...) are not walked;
 * - closed string sets (`z.enum`) are not stripped: an unknown role is fatal, as in the
 *   reference implementation (fixture `unknown-enum-value-role-fatal`).
 */
import { isPlainObject } from './isPlainObject'

/** The structural view of a zod 4 schema this module reads (`schema._zod.def`). */
interface SchemaDef {
  type: string
  shape?: Record<string, SchemaLike>
  catchall?: SchemaLike
  element?: SchemaLike
  options?: readonly SchemaLike[]
  discriminator?: string
  innerType?: SchemaLike
  in?: SchemaLike
  values?: readonly unknown[]
}

/** Anything with a zod 4 definition. */
export interface SchemaLike {
  _zod: { def: unknown }
}

const DROP: unique symbol = Symbol('drop')

function defOf(schema: SchemaLike): SchemaDef {
  return schema._zod.def as SchemaDef
}

/** Unwraps `optional`, `nullable`, `default`, `readonly`, `pipe` wrappers. */
function unwrap(schema: SchemaLike): SchemaDef {
  let def = defOf(schema)
  for (;;) {
    if (def.innerType) def = defOf(def.innerType)
    else if (def.type === 'pipe' && def.in) def = defOf(def.in)
    else return def
  }
}

function acceptsAbsence(schema: SchemaLike): boolean {
  const type = defOf(schema).type
  return type === 'optional' || type === 'default'
}

function discriminatorValue(option: SchemaLike, key: string): unknown {
  const field = unwrap(option).shape?.[key]
  return field ? unwrap(field).values?.[0] : undefined
}

function walk(value: unknown, schema: SchemaLike, path: string, stripped: string[]): unknown {
  const def = unwrap(schema)
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return value
      const shape = def.shape ?? {}
      const open = def.catchall !== undefined
      let out: Record<string, unknown> | undefined
      for (const key of Object.keys(value)) {
        const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined
        let next: unknown
        if (field === undefined) {
          next = open ? value[key] : DROP
          if (!open) stripped.push(`${path}/${key}`)
        } else {
          const mark = stripped.length
          next = walk(value[key], field, `${path}/${key}`, stripped)
          if (next === DROP) {
            if (!acceptsAbsence(field)) return DROP
            stripped.length = mark
            stripped.push(`${path}/${key}`)
          }
        }
        if (next === value[key] && out === undefined) continue
        out ??= copyUntil(value, key)
        if (next !== DROP) out[key] = next
      }
      return out ?? value
    }
    case 'array': {
      if (!Array.isArray(value) || !def.element) return value
      let out: unknown[] | undefined
      value.forEach((item, index) => {
        const mark = stripped.length
        const next = walk(item, def.element as SchemaLike, `${path}/${index}`, stripped)
        if (next === DROP) {
          stripped.length = mark
          stripped.push(`${path}/${index}`)
        }
        if (next === item && out === undefined) return
        out ??= value.slice(0, index)
        if (next !== DROP) out.push(next)
      })
      return out ?? value
    }
    case 'union': {
      const options = def.options ?? []
      if (def.discriminator !== undefined) {
        if (!isPlainObject(value)) return value
        const tag = value[def.discriminator]
        const match = options.find(
          (o) => discriminatorValue(o, def.discriminator as string) === tag,
        )
        return match ? walk(value, match, path, stripped) : DROP
      }
      const kind = Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : undefined
      const match = kind && options.filter((o) => unwrap(o).type === kind)
      return match && match.length === 1 ? walk(value, match[0], path, stripped) : value
    }
    default:
      return value
  }
}

function copyUntil(value: Record<string, unknown>, stopKey: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (key === stopKey) break
    out[key] = value[key]
  }
  return out
}

/**
 * Removes undescribed and unrecognised material from `value` against `schema` (rules above).
 * Never mutates `value`; returns it unchanged (same reference) when nothing was removed.
 *
 * @returns `value` without the removed material, `stripped` the JSON Pointer of each removal
 *   (e.g. `/futureProp`, `/delta/0`, `/messages/0/content/1`), and `unrecognised: true` when
 *   the value as a whole is an unrecognised union member (nothing of it can be kept).
 */
export function stripUnknown(
  value: unknown,
  schema: SchemaLike,
): { value: unknown; stripped: string[]; unrecognised: boolean } {
  const stripped: string[] = []
  const out = walk(value, schema, '', stripped)
  return out === DROP
    ? { value, stripped, unrecognised: true }
    : { value: out, stripped, unrecognised: false }
}
