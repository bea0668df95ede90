import { AgentError } from '../protocol/AgentError'

/**
 * The tool message content of a result (issue 3): a string as is, anything else
 * `JSON.stringify(result)` (`undefined` → `null`). Throws `tool_failed` when the result is not
 * JSON-serialisable (a cycle, a BigInt).
 */
export function toToolContent(toolName: string, result: unknown): string {
  if (typeof result === 'string') return result
  try {
    return JSON.stringify(result) ?? 'null'
  } catch (cause) {
    throw new AgentError(
      'tool_failed',
      `The result of tool '${toolName}' is not JSON: ${String(cause)}`,
      {
        cause,
      },
    )
  }
}
