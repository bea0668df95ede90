import { toJSONSchema, type $ZodType } from 'zod/v4/core'
import type { Tool } from '../protocol/types'
import type { StandardSchemaLike, ToolDefinition } from './ToolDefinition'

/** What a tool without (convertible) `parameters` is sent as. */
const ANY_OBJECT = { type: 'object', properties: {} } as const

const cache = new WeakMap<object, Record<string, unknown>>()

/**
 * The JSON Schema of a tool's `parameters` for `RunAgentInput.tools`: a zod 4 schema (classic
 * or mini) is converted with zod's own `toJSONSchema` (draft 2020-12, `$schema` dropped); any
 * other schema, or none, gives `{ type: 'object', properties: {} }`. Results are cached per
 * schema object. Never throws: a schema zod cannot represent (e.g. a transform) falls back too.
 */
export function toJsonSchema(schema: StandardSchemaLike | undefined): Record<string, unknown> {
  if (schema === undefined || schema['~standard'].vendor !== 'zod') return { ...ANY_OBJECT }
  let json = cache.get(schema)
  if (json === undefined) {
    try {
      const { $schema: _ignored, ...rest } = toJSONSchema(schema as unknown as $ZodType, {
        io: 'input',
        unrepresentable: 'any',
      }) as Record<string, unknown>
      json = rest
    } catch (error) {
      console.error('[agent-wire-react] toJSONSchema failed; sending an open object:', error)
      json = { ...ANY_OBJECT }
    }
    cache.set(schema, json)
  }
  return json
}

/** The AG-UI `Tool` of a frontend tool definition (spec 1.1, "Tools"). */
export function toTool(definition: ToolDefinition): Tool {
  return {
    name: definition.name,
    description: definition.description ?? '',
    parameters: toJsonSchema(definition.parameters),
  }
}

/**
 * `base` tools (the store's or the run's) plus the registered frontend tools (those with a
 * handler); a registered tool replaces a base tool of the same name. Order: base, then new ones.
 */
export function mergeTools(base: readonly Tool[], registered: readonly ToolDefinition[]): Tool[] {
  const frontend = new Map<string, Tool>()
  for (const d of registered) if (d.handler) frontend.set(d.name, toTool(d))
  if (frontend.size === 0) return [...base]
  const out = base.map((t) => frontend.get(t.name) ?? t)
  const seen = new Set(base.map((t) => t.name))
  for (const [name, tool] of frontend) if (!seen.has(name)) out.push(tool)
  return out
}
