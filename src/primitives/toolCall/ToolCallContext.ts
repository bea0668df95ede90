import { createContext, useContext } from 'react'
import type { ToolCallState } from '../../react/toToolCallState'

/**
 * Where a tool call stands for a reader: `running` until a tool message answers it (its
 * arguments may still stream: see `call.status`), then `done`, or `failed` when the answer
 * carries `ToolMessage.error`.
 */
export type ToolCallDisplayStatus = 'running' | 'done' | 'failed'

/** What `ToolCall.Root` shares with its parts; read it with {@link useToolCallContext}. */
export interface ToolCallContextValue {
  /** The call with its partially parsed arguments (`useToolCall`). */
  call: ToolCallState
  status: ToolCallDisplayStatus
}

/** The {@link ToolCallDisplayStatus} of a call. */
export function toolCallStatus(call: ToolCallState): ToolCallDisplayStatus {
  if (call.result?.error) return 'failed'
  return call.status === 'resolved' ? 'done' : 'running'
}

/** React context of the ToolCall parts. */
export const ToolCallContext = createContext<ToolCallContextValue | null>(null)

/**
 * The context of the nearest `ToolCall.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useToolCallContext(part = 'useToolCallContext'): ToolCallContextValue {
  const value = useContext(ToolCallContext)
  if (!value) throw new Error(`<ToolCall.${part}> must be used inside <ToolCall.Root>.`)
  return value
}
