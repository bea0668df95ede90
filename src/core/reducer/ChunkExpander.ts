import { AgentError } from '../protocol/AgentError'
import type { AgentEvent } from '../protocol/types'

interface TextLane {
  kind: 'text' | 'reasoning'
  messageId: string
  role: string
  subagentRunId?: string
}
interface ToolLane {
  kind: 'tool'
  toolCallId: string
  toolCallName: string
  parentMessageId?: string
  subagentRunId?: string
}
type Lane = TextLane | ToolLane

function violation(message: string, event: unknown): AgentError {
  return new AgentError('protocol_violation', message, { event })
}

function attribution(subagentRunId: string | undefined): { subagentRunId?: string } {
  return subagentRunId === undefined ? {} : { subagentRunId }
}

/**
 * The "chunk expansion" stage (spec 1.1, "Streaming" → chunk events): turns
 * `TEXT_MESSAGE_CHUNK`, `REASONING_MESSAGE_CHUNK` and `TOOL_CALL_CHUNK` into the
 * start/content/end triads. The first chunk of a lane must carry its id (and a tool call its
 * name); continuations may omit them or repeat them unchanged. A lane closes when a chunk opens
 * another id or kind, or at any other event except `RAW` (which stands aside).
 * @internal
 */
export class ChunkExpander {
  #lane: Lane | undefined

  /**
   * True when {@link push} would return `[event]` unchanged (no lane open, not a chunk): the
   * pipeline's per-token fast path, which allocates nothing.
   */
  passes(event: AgentEvent): boolean {
    if (this.#lane !== undefined) return event.type === 'RAW'
    const t = event.type
    return t !== 'TEXT_MESSAGE_CHUNK' && t !== 'REASONING_MESSAGE_CHUNK' && t !== 'TOOL_CALL_CHUNK'
  }

  /** Expands one event. Throws `AgentError('protocol_violation')` on a broken chunk lane. */
  push(event: AgentEvent): AgentEvent[] {
    switch (event.type) {
      case 'TEXT_MESSAGE_CHUNK':
      case 'REASONING_MESSAGE_CHUNK':
        return this.#textChunk(event)
      case 'TOOL_CALL_CHUNK':
        return this.#toolChunk(event)
      case 'RAW':
        return [event]
      default: {
        const out = this.close()
        out.push(event)
        return out
      }
    }
  }

  /** Closes the open lane, if any, returning its synthesized end event. */
  close(): AgentEvent[] {
    const lane = this.#lane
    if (!lane) return []
    this.#lane = undefined
    const attr = attribution(lane.subagentRunId)
    if (lane.kind === 'tool')
      return [{ type: 'TOOL_CALL_END', toolCallId: lane.toolCallId, ...attr } as AgentEvent]
    const type = lane.kind === 'text' ? 'TEXT_MESSAGE_END' : 'REASONING_MESSAGE_END'
    return [{ type, messageId: lane.messageId, ...attr } as AgentEvent]
  }

  #textChunk(
    e: Extract<AgentEvent, { type: 'TEXT_MESSAGE_CHUNK' | 'REASONING_MESSAGE_CHUNK' }>,
  ): AgentEvent[] {
    const kind = e.type === 'TEXT_MESSAGE_CHUNK' ? 'text' : 'reasoning'
    const role = 'role' in e && e.role !== undefined ? e.role : undefined
    const lane = this.#lane
    const out: AgentEvent[] = []
    const continues =
      lane?.kind === kind && (e.messageId === undefined || e.messageId === lane.messageId)
    if (continues) {
      if (role !== undefined && role !== lane.role) {
        throw violation(
          `${e.type} role '${role}' does not match the open stream's role '${lane.role}'`,
          e,
        )
      }
    } else {
      out.push(...this.close())
      if (e.messageId === undefined) throw violation(`First ${e.type} must have a messageId`, e)
      const opened: TextLane = {
        kind,
        messageId: e.messageId,
        role: kind === 'text' ? (role ?? 'assistant') : 'reasoning',
        ...attribution(e.subagentRunId),
      }
      this.#lane = opened
      const start = kind === 'text' ? 'TEXT_MESSAGE_START' : 'REASONING_MESSAGE_START'
      out.push({
        type: start,
        messageId: opened.messageId,
        role: opened.role,
        ...('name' in e && e.name !== undefined && { name: e.name }),
        ...attribution(e.subagentRunId),
        ...(e.metadata && { metadata: e.metadata }),
        ...(e.timestamp !== undefined && { timestamp: e.timestamp }),
      } as AgentEvent)
    }
    const open = this.#lane as TextLane
    if (e.delta !== undefined && e.delta !== '') {
      out.push({
        type: kind === 'text' ? 'TEXT_MESSAGE_CONTENT' : 'REASONING_MESSAGE_CONTENT',
        messageId: open.messageId,
        delta: e.delta,
        ...attribution(e.subagentRunId ?? open.subagentRunId),
        ...(continues && e.metadata && { metadata: e.metadata }),
      } as AgentEvent)
    }
    return out
  }

  #toolChunk(e: Extract<AgentEvent, { type: 'TOOL_CALL_CHUNK' }>): AgentEvent[] {
    const lane = this.#lane
    const out: AgentEvent[] = []
    const continues =
      lane?.kind === 'tool' && (e.toolCallId === undefined || e.toolCallId === lane.toolCallId)
    if (continues) {
      if (e.toolCallName !== undefined && e.toolCallName !== lane.toolCallName) {
        throw violation(
          `TOOL_CALL_CHUNK toolCallName '${e.toolCallName}' does not match the open stream's toolCallName '${lane.toolCallName}'`,
          e,
        )
      }
      if (e.parentMessageId !== undefined && e.parentMessageId !== lane.parentMessageId) {
        throw violation(
          `TOOL_CALL_CHUNK parentMessageId '${e.parentMessageId}' does not match the open stream's parentMessageId`,
          e,
        )
      }
    } else {
      out.push(...this.close())
      if (e.toolCallId === undefined)
        throw violation('First TOOL_CALL_CHUNK must have a toolCallId', e)
      if (e.toolCallName === undefined)
        throw violation('First TOOL_CALL_CHUNK must have a toolCallName', e)
      this.#lane = {
        kind: 'tool',
        toolCallId: e.toolCallId,
        toolCallName: e.toolCallName,
        ...(e.parentMessageId !== undefined && { parentMessageId: e.parentMessageId }),
        ...attribution(e.subagentRunId),
      }
      out.push({
        type: 'TOOL_CALL_START',
        toolCallId: e.toolCallId,
        toolCallName: e.toolCallName,
        ...(e.parentMessageId !== undefined && { parentMessageId: e.parentMessageId }),
        ...attribution(e.subagentRunId),
        ...(e.metadata && { metadata: e.metadata }),
        ...(e.timestamp !== undefined && { timestamp: e.timestamp }),
      } as AgentEvent)
    }
    const open = this.#lane as ToolLane
    if (e.delta !== undefined && e.delta !== '') {
      out.push({
        type: 'TOOL_CALL_ARGS',
        toolCallId: open.toolCallId,
        delta: e.delta,
        ...attribution(e.subagentRunId ?? open.subagentRunId),
        ...(continues && e.metadata && { metadata: e.metadata }),
      } as AgentEvent)
    }
    return out
  }
}
