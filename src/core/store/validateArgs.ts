import { AgentError } from '../protocol/AgentError'
import type { StandardSchemaLike, StandardSchemaResult, ToolDefinition } from './ToolDefinition'

type Issues = Exclude<StandardSchemaResult<unknown>, { value: unknown }>['issues']

function pathOf(path: Issues[number]['path']): string {
  if (!path || path.length === 0) return '(root)'
  return path
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .map(String)
    .join('.')
}

/** `AgentError('invalid_args')` listing Standard Schema issues as `path: message`. */
export function invalidArgs(toolName: string, issues: Issues): AgentError {
  const list = issues.map((i) => `${pathOf(i.path)}: ${i.message}`).join('; ')
  return new AgentError('invalid_args', `Invalid arguments for tool '${toolName}': ${list}`)
}

/** Parses tool-call argument text (`''` is `{}`, as some agents send no text for no arguments). */
export function parseArgsText(
  toolName: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; error: AgentError } {
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (cause) {
    return {
      ok: false,
      error: new AgentError(
        'invalid_args',
        `Arguments of tool '${toolName}' are not valid JSON: ${(cause as Error).message}`,
        { cause },
      ),
    }
  }
}

export type ArgsCheck = { ok: true; value: unknown } | { ok: false; error: AgentError }

/**
 * Validates `value` with `schema['~standard'].validate` (any zod 4 schema, or another Standard
 * Schema). Returns the schema's output (defaults applied, ...) or `invalid_args`. Synchronous
 * when the schema is; a Promise for schemas with async refinements. A throwing schema is
 * reported as `invalid_args` too. Without a schema, `value` is accepted as is.
 */
export function validateArgs(
  toolName: string,
  schema: StandardSchemaLike | undefined,
  value: unknown,
): ArgsCheck | Promise<ArgsCheck> {
  if (!schema) return { ok: true, value }
  const toCheck = (r: StandardSchemaResult<unknown>): ArgsCheck =>
    r.issues ? { ok: false, error: invalidArgs(toolName, r.issues) } : { ok: true, value: r.value }
  const failed = (cause: unknown): ArgsCheck => ({
    ok: false,
    error: new AgentError('invalid_args', `Validating arguments of '${toolName}' threw.`, {
      cause,
    }),
  })
  try {
    const result = schema['~standard'].validate(value)
    return result instanceof Promise ? result.then(toCheck, failed) : toCheck(result)
  } catch (cause) {
    return failed(cause)
  }
}

/**
 * The input of a frontend tool's handler for one call: the edited `value` as is, or the call's
 * `args` text parsed (see {@link parseArgsText}); either validated against the tool's
 * `parameters` (see {@link validateArgs}: `invalid_args` listing the issues; a Promise for a
 * schema with async refinements).
 */
export function checkToolInput(
  definition: ToolDefinition,
  call: { args: string } | { value: unknown },
): ArgsCheck | Promise<ArgsCheck> {
  let input: unknown
  if ('value' in call) input = call.value
  else {
    const parsed = parseArgsText(definition.name, call.args)
    if (!parsed.ok) return parsed
    input = parsed.value
  }
  return validateArgs(definition.name, definition.parameters, input)
}
