import { AgentError, isAgentError } from '../protocol/AgentError'
import { DEFAULT_TOOL_TIMEOUT_MS, type ToolDefinition } from './ToolDefinition'

/** What running a frontend tool gave: its result, or a typed error. */
export type ToolOutcome = { ok: true; result: unknown } | { ok: false; error: AgentError }

/**
 * Runs a frontend tool's handler for one call `toolCallId` with `input`, its arguments as
 * checked by `checkToolInput` (parsed, validated against `parameters`): calls the handler (sync
 * or async) with an `AbortSignal`, and settles within `timeoutMs` (default 30 000 ms). Never
 * rejects:
 * - the definition has no handler, or it throws or rejects → `tool_failed`;
 * - no answer within `timeoutMs` → `tool_timeout` (the signal aborts);
 * - `signal` aborted (the user moved on, the store was destroyed) → `aborted`.
 */
export async function runTool(
  definition: ToolDefinition,
  input: unknown,
  toolCallId: string,
  signal: AbortSignal,
): Promise<ToolOutcome> {
  const name = definition.name
  const handler = definition.handler
  if (!handler) {
    return { ok: false, error: new AgentError('tool_failed', `Tool '${name}' has no handler.`) }
  }

  const controller = new AbortController()
  const timeoutMs = definition.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const stopped = new Promise<ToolOutcome>((resolve) => {
    const fail = (error: AgentError) => {
      controller.abort(error)
      resolve({ ok: false, error })
    }
    timer = setTimeout(
      () =>
        fail(
          new AgentError('tool_timeout', `Tool '${name}' did not answer within ${timeoutMs} ms.`),
        ),
      timeoutMs,
    )
    onAbort = () =>
      fail(
        isAgentError(signal.reason)
          ? signal.reason
          : new AgentError('aborted', `Tool '${name}' was cancelled.`),
      )
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  const ran = (async (): Promise<ToolOutcome> => {
    try {
      const result: unknown = await handler(input as never, {
        signal: controller.signal,
        toolCallId,
      })
      return { ok: true, result }
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      return {
        ok: false,
        error: new AgentError('tool_failed', `Tool '${name}' failed: ${message}`, { cause }),
      }
    }
  })()
  try {
    return await Promise.race([ran, stopped])
  } finally {
    clearTimeout(timer)
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}
