import type { $ZodType } from 'zod/v4/core'
import type { Tool } from '../protocol/types'
import type { StandardSchemaLike, ToolDefinition } from './ToolDefinition'

/** What a tool without (convertible) `parameters` is sent as. */
const ANY_OBJECT = { type: 'object', properties: {} } as const

/** The Standard JSON Schema interface (standardschema.dev/json-schema) a schema may carry. */
interface StandardJsonSchema {
  input(options: { target: string; libraryOptions?: Record<string, unknown> }): unknown
}

type ZodToJsonSchema = (schema: $ZodType, params: Record<string, unknown>) => unknown

const cache = new WeakMap<object, Record<string, unknown>>()
let zodConvert: ZodToJsonSchema | undefined
let zodLoading: Promise<void> | undefined

const standardJsonSchema = (schema: StandardSchemaLike) =>
  (schema['~standard'] as { jsonSchema?: StandardJsonSchema }).jsonSchema

/** A zod schema that can only be converted by zod's `toJSONSchema` (zod/mini). */
const needsZodConverter = (schema: StandardSchemaLike | undefined): schema is StandardSchemaLike =>
  schema !== undefined &&
  schema['~standard'].vendor === 'zod' &&
  typeof standardJsonSchema(schema)?.input !== 'function'

/**
 * Starts loading zod's `toJSONSchema` (~9 kB gzipped) in its own chunk, once; later calls return
 * the same promise. Only zod/mini schemas need it. Never rejects: a failed load is logged and
 * retried on the next call.
 */
export function loadZodJsonSchema(): Promise<void> {
  zodLoading ??= import('./zodToJsonSchema').then(
    (module) => {
      zodConvert = module.toJSONSchema as unknown as ZodToJsonSchema
    },
    (error: unknown) => {
      zodLoading = undefined
      console.error("[agent-wire-react] loading zod's toJSONSchema failed:", error)
    },
  )
  return zodLoading
}

/**
 * `undefined` when every frontend tool (one with a `handler`) of `tools` converts now; else the
 * promise of the converter's load, started here (a zod/mini `parameters` schema). The store
 * calls it on registration, and a run waits for it before sending `RunAgentInput.tools`.
 */
export function jsonSchemaPending(tools: readonly ToolDefinition[]): Promise<void> | undefined {
  if (zodConvert) return undefined
  return tools.some((t) => t.handler && needsZodConverter(t.parameters))
    ? loadZodJsonSchema()
    : undefined
}

function convert(schema: StandardSchemaLike): Record<string, unknown> | undefined {
  const standard = standardJsonSchema(schema)
  const json =
    typeof standard?.input === 'function'
      ? standard.input({ target: 'draft-2020-12', libraryOptions: { unrepresentable: 'any' } })
      : zodConvert?.(schema as unknown as $ZodType, { io: 'input', unrepresentable: 'any' })
  if (json === undefined) return undefined
  const { $schema: _ignored, ...rest } = json as Record<string, unknown>
  return rest
}

/**
 * The JSON Schema of a tool's `parameters` for `RunAgentInput.tools` (draft 2020-12, `$schema`
 * dropped), results cached per schema object:
 * - a schema implementing Standard JSON Schema (`~standard.jsonSchema`: zod 4 classic, ArkType,
 *   ...) converts itself, with no code of ours;
 * - a zod/mini schema is converted with zod's `toJSONSchema`, loaded on first use (see
 *   {@link loadZodJsonSchema}; until it is loaded, this returns the open object below, uncached);
 * - any other schema, or none, gives `{ type: 'object', properties: {} }`.
 *
 * Never throws: a schema that cannot be represented (e.g. a transform) falls back too.
 */
export function toJsonSchema(schema: StandardSchemaLike | undefined): Record<string, unknown> {
  if (schema === undefined) return { ...ANY_OBJECT }
  let json = cache.get(schema)
  if (json === undefined) {
    try {
      json = convert(schema)
      if (json === undefined) {
        if (needsZodConverter(schema)) void loadZodJsonSchema()
        return { ...ANY_OBJECT }
      }
    } catch (error) {
      console.error(
        '[agent-wire-react] JSON Schema conversion failed; sending an open object:',
        error,
      )
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
