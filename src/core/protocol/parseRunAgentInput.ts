/**
 * Validation of a request body on the server side (spec 1.1, "RunAgentInput").
 */
import { AgentError } from './AgentError'
import type { Diagnostic } from './Diagnostic'
import { formatIssues } from './formatIssues'
import { RunAgentInputSchema } from './messageSchemas'
import { stripUnknown } from './stripUnknown'
import type { RunAgentInput } from './types'
import { upgradeLegacyMessages } from './upgradeLegacyContent'
import { isPlainObject } from './isPlainObject'

/** Options of {@link parseRunAgentInput}. */
export interface ParseRunAgentInputOptions {
  /** Receives each SHOULD-level finding: a stripped unknown member, an upgraded legacy part. */
  onDiagnostic?: (diagnostic: Diagnostic) => void
}

/**
 * Validates a `RunAgentInput` a client sent (the parsed JSON body) and returns it in canonical
 * form: unknown members stripped (forward compatibility; reported to `onDiagnostic` by JSON
 * Pointer), a message of an unknown role or a part of an unknown kind dropped from its list,
 * retired `binary` parts upgraded, `tools` and `context` defaulting to `[]`. Opaque values
 * (`state`, `forwardedProps`, `metadata`, tool `parameters`) are kept verbatim.
 *
 * @throws AgentError `invalid_event` when the body is not a valid `RunAgentInput`; the message
 *   names each failing field by JSON Pointer (e.g. `{"/threadId":"expected string, received undefined"}`)
 *   and `event` holds the raw body.
 */
export function parseRunAgentInput(
  raw: unknown,
  options: ParseRunAgentInputOptions = {},
): RunAgentInput {
  const diagnostics: Diagnostic[] = []
  let body = raw
  if (isPlainObject(raw) && Array.isArray(raw.messages)) {
    const messages = upgradeLegacyMessages(raw.messages, diagnostics)
    if (messages !== raw.messages) body = { ...raw, messages }
  }
  const { value, stripped } = stripUnknown(body, RunAgentInputSchema)
  for (const path of stripped) {
    diagnostics.push({
      level: 'warning',
      code: 'unknown_field_stripped',
      message: `Removed unrecognised material at '${path}' from the RunAgentInput.`,
    })
  }
  for (const d of diagnostics) options.onDiagnostic?.(d)
  const result = RunAgentInputSchema.safeParse(value)
  if (!result.success) {
    throw new AgentError(
      'invalid_event',
      `Invalid RunAgentInput: ${formatIssues(result.error.issues, value)}.`,
      {
        event: raw,
      },
    )
  }
  return result.data as RunAgentInput
}
