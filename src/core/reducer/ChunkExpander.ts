import { AgentError } from '../protocol/AgentError'
import type { AgentEvent } from '../protocol/types'

type Chunk = Extract<
  AgentEvent,
  { type: 'TEXT_MESSAGE_CHUNK' | 'REASONING_MESSAGE_CHUNK' | 'TOOL_CALL_CHUNK' }
>
type ChunkType = Chunk['type']
/** Fields of any chunk event, as this stage reads them. */
type AnyChunk = { type: ChunkType; delta?: string; subagentRunId?: string } & Record<
  string,
  unknown
>

/** Per chunk type: the id field, then the types of the start, content and end events. */
const LANES: Record<
  ChunkType,
  readonly [idKey: string, start: string, content: string, end: string]
> = {
  TEXT_MESSAGE_CHUNK: [
    'messageId',
    'TEXT_MESSAGE_START',
    'TEXT_MESSAGE_CONTENT',
    'TEXT_MESSAGE_END',
  ],
  REASONING_MESSAGE_CHUNK: [
    'messageId',
    'REASONING_MESSAGE_START',
    'REASONING_MESSAGE_CONTENT',
    'REASONING_MESSAGE_END',
  ],
  TOOL_CALL_CHUNK: ['toolCallId', 'TOOL_CALL_START', 'TOOL_CALL_ARGS', 'TOOL_CALL_END'],
}

/** The open lane: its chunk type, id, and the start event synthesized for it. */
interface Lane {
  type: ChunkType
  id: string
  start: Record<string, unknown> & { subagentRunId?: string }
}

function violation(message: string, event: unknown): AgentError {
  return new AgentError('protocol_violation', message, { event })
}

function isChunk(type: string): type is ChunkType {
  return (
    type === 'TEXT_MESSAGE_CHUNK' ||
    type === 'REASONING_MESSAGE_CHUNK' ||
    type === 'TOOL_CALL_CHUNK'
  )
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
    return this.#lane !== undefined ? event.type === 'RAW' : !isChunk(event.type)
  }

  /** Expands one event. Throws `AgentError('protocol_violation')` on a broken chunk lane. */
  push(event: AgentEvent): AgentEvent[] {
    if (isChunk(event.type)) return this.#chunk(event as unknown as AnyChunk)
    if (event.type === 'RAW') return [event]
    const out = this.close()
    out.push(event)
    return out
  }

  /** Closes the open lane, if any, returning its synthesized end event. */
  close(): AgentEvent[] {
    const lane = this.#lane
    if (!lane) return []
    this.#lane = undefined
    const [idKey, , , end] = LANES[lane.type]
    return [{ type: end, [idKey]: lane.id, ...attribution(lane.start.subagentRunId) } as AgentEvent]
  }

  #chunk(e: AnyChunk): AgentEvent[] {
    const type = e.type
    const [idKey, startType, contentType] = LANES[type]
    const tool = type === 'TOOL_CALL_CHUNK'
    const id = e[idKey] as string | undefined
    let lane = this.#lane
    const out: AgentEvent[] = []
    const continues = lane?.type === type && (id === undefined || id === lane.id)
    if (continues) {
      // A continuation may repeat what the first chunk said, unchanged.
      const key = tool ? 'toolCallName' : 'role'
      const value = e[key]
      if (value !== undefined && value !== lane!.start[key]) {
        throw violation(
          `${type} ${key} '${String(value)}' does not match the open stream's ${key} '${String(lane!.start[key])}'`,
          e,
        )
      }
      if (
        tool &&
        e.parentMessageId !== undefined &&
        e.parentMessageId !== lane!.start.parentMessageId
      ) {
        throw violation(
          `TOOL_CALL_CHUNK parentMessageId '${String(e.parentMessageId)}' does not match the open stream's parentMessageId`,
          e,
        )
      }
    } else {
      out.push(...this.close())
      if (id === undefined) throw violation(`First ${type} must have a ${idKey}`, e)
      if (tool && e.toolCallName === undefined)
        throw violation('First TOOL_CALL_CHUNK must have a toolCallName', e)
      const start = {
        type: startType,
        [idKey]: id,
        ...(tool
          ? {
              toolCallName: e.toolCallName,
              ...(e.parentMessageId !== undefined && { parentMessageId: e.parentMessageId }),
            }
          : {
              role: type === 'TEXT_MESSAGE_CHUNK' ? (e.role ?? 'assistant') : 'reasoning',
              ...(e.name !== undefined && { name: e.name }),
            }),
        ...attribution(e.subagentRunId),
        ...(e.metadata ? { metadata: e.metadata } : undefined),
        ...(e.timestamp !== undefined && { timestamp: e.timestamp }),
      }
      this.#lane = lane = { type, id, start }
      out.push(start as unknown as AgentEvent)
    }
    if (e.delta !== undefined && e.delta !== '') {
      // Static keys (not `[idKey]`): the content events are the stream's bulk.
      const { id } = lane!
      const content = tool
        ? { type: contentType, toolCallId: id, delta: e.delta }
        : { type: contentType, messageId: id, delta: e.delta }
      const sub = e.subagentRunId ?? lane!.start.subagentRunId
      out.push(
        (sub === undefined && !(continues && e.metadata)
          ? content
          : {
              ...content,
              ...attribution(sub),
              ...(continues && e.metadata ? { metadata: e.metadata } : undefined),
            }) as AgentEvent,
      )
    }
    return out
  }
}
