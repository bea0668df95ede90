import type { RunAgentInput } from '../core/protocol/types'

/** The outcome of {@link validateRunAgentInput}. */
export type InputValidation = { ok: true; input: RunAgentInput } | { ok: false; message: string }

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks the shape of a `RunAgentInput` request body (spec 1.1, "RunAgentInput"): an object
 * with string `threadId` and `runId`, a `messages` array of objects with string `id` and
 * `role`, and `tools`/`context` arrays when present (absent ones become `[]`).
 * @internal
 */
export function validateRunAgentInput(body: unknown): InputValidation {
  if (!isObject(body)) return { ok: false, message: 'RunAgentInput must be a JSON object.' }
  for (const key of ['threadId', 'runId'] as const) {
    if (typeof body[key] !== 'string')
      return { ok: false, message: `RunAgentInput.${key} must be a string.` }
  }
  if (!Array.isArray(body.messages))
    return { ok: false, message: 'RunAgentInput.messages must be an array.' }
  const badIndex = body.messages.findIndex(
    (m) => !isObject(m) || typeof m.id !== 'string' || typeof m.role !== 'string',
  )
  if (badIndex !== -1) {
    return {
      ok: false,
      message: `RunAgentInput.messages[${badIndex}] must be an object with string id and role.`,
    }
  }
  for (const key of ['tools', 'context'] as const) {
    if (body[key] !== undefined && !Array.isArray(body[key])) {
      return { ok: false, message: `RunAgentInput.${key} must be an array when present.` }
    }
  }
  const input = {
    ...body,
    tools: body.tools ?? [],
    context: body.context ?? [],
  } as unknown as RunAgentInput
  return { ok: true, input }
}
