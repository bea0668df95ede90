import { AgentError } from '../../protocol/AgentError'
import type { WireEvent } from '../../protocol/types'

/**
 * One AgentConnect WebSocket frame (both directions): `type` is one of `text ping error info
 * system response stop cooldown`; `timestamp` is ISO 8601 without a zone.
 */
export interface AgentConnectFrame {
  type: string
  content?: unknown
  sender?: string
  receiver?: string
  timestamp?: string
  metadata?: Record<string, unknown>
}

/** What a run needs to map a frame. */
export interface AgentConnectRunContext {
  threadId: string
  runId: string
  sessionType: 'human_agent' | 'agent_agent'
  /** The id the next assistant message gets. */
  messageId: string
}

/**
 * The meaning of one frame for the run in flight:
 * - `ignore`: a ping (the server sends one every 30 s), or a frame type this adapter does not
 *   know (reported as a diagnostic by the agent);
 * - `events`: AG-UI events to deliver; `terminal` when they end the run; `reply` when they carry
 *   an agent's answer; `cooldownMs` when the agent is cooling down (ms left).
 */
export type AgentConnectFrameAction =
  | { kind: 'ignore'; unknownType?: string }
  | {
      kind: 'events'
      events: WireEvent[]
      terminal: boolean
      reply?: boolean
      cooldownMs?: number
    }

/** The known frame types (`demos/api` `MessageType`). */
export const AGENT_CONNECT_FRAME_TYPES = [
  'text',
  'ping',
  'error',
  'info',
  'system',
  'response',
  'stop',
  'cooldown',
] as const

/**
 * Reads one WebSocket message as an {@link AgentConnectFrame}.
 * @returns the frame, or an `AgentError`: `bad_frame` (binary data, not an object, no string
 * `type`), `invalid_json` (text that is not JSON). `event` holds the raw data.
 */
export function readAgentConnectFrame(data: unknown): AgentConnectFrame | AgentError {
  if (typeof data !== 'string')
    return new AgentError('bad_frame', 'AgentConnect sent a binary WebSocket frame.', {
      event: data,
    })
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch (cause) {
    return new AgentError(
      'invalid_json',
      `AgentConnect sent a frame that is not JSON: ${data.slice(0, 80)}`,
      {
        event: data,
        cause,
      },
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return new AgentError('bad_frame', 'AgentConnect sent a frame that is not a JSON object.', {
      event: data,
    })
  const frame = value as Record<string, unknown>
  if (typeof frame.type !== 'string')
    return new AgentError('bad_frame', 'AgentConnect sent a frame without a string `type`.', {
      event: data,
    })
  const { metadata, sender, receiver, timestamp } = frame
  return {
    type: frame.type,
    ...('content' in frame && { content: frame.content }),
    ...(typeof sender === 'string' && { sender }),
    ...(typeof receiver === 'string' && { receiver }),
    ...(typeof timestamp === 'string' && { timestamp }),
    metadata:
      typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
        ? (metadata as Record<string, unknown>)
        : {},
  }
}

function contentText(frame: AgentConnectFrame): string | undefined {
  const { content } = frame
  if (typeof content === 'string') return content
  if (content === undefined || content === null) return ''
  return undefined
}

/**
 * Maps one frame to AG-UI events (seed-systems README §1 "Mapping"):
 * - `text` / `response` (the reply comes as `text` though the docs say `response`) →
 *   `TEXT_MESSAGE_START/CONTENT/END` (role `assistant`; in `agent_agent` sessions `name` is the
 *   sender), then `RUN_FINISHED` in `human_agent` sessions (one reply per message; an
 *   `agent_agent` run goes on until `stop`);
 * - `cooldown` → `CUSTOM agentconnect.cooldown {cooldownRemainingMs, content}` + `RUN_FINISHED
 *   {result: {cooldown: {retryAfterMs}}}` (`metadata.cooldown_remaining` is in seconds);
 * - `stop` → `RUN_FINISHED {result: {stopped: true, reason}}` (`metadata.reason`);
 * - `system` / `info` → `CUSTOM agentconnect.system` / `agentconnect.info` `{content, metadata}`;
 * - `error` → `RUN_ERROR {message, code: metadata.code ?? 'agentconnect_error'}`;
 * - `ping`, unknown types → `ignore`.
 * @returns an `AgentError('bad_frame')` for a reply or error whose `content` is not a string.
 */
export function mapAgentConnectFrame(
  frame: AgentConnectFrame,
  ctx: AgentConnectRunContext,
): AgentConnectFrameAction | AgentError {
  const { threadId, runId } = ctx
  const metadata = frame.metadata ?? {}
  const text = contentText(frame)
  const badContent = () =>
    new AgentError(
      'bad_frame',
      `AgentConnect sent a '${frame.type}' frame whose content is not text.`,
      {
        event: frame,
      },
    )
  switch (frame.type) {
    case 'ping':
      return { kind: 'ignore' }
    case 'text':
    case 'response': {
      if (text === undefined) return badContent()
      const { messageId } = ctx
      const named = ctx.sessionType === 'agent_agent' && frame.sender
      const events: WireEvent[] = [
        {
          type: 'TEXT_MESSAGE_START',
          messageId,
          role: 'assistant',
          ...(named && { name: frame.sender }),
        },
      ]
      if (text) events.push({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: text })
      events.push({ type: 'TEXT_MESSAGE_END', messageId })
      const terminal = ctx.sessionType === 'human_agent'
      if (terminal) events.push({ type: 'RUN_FINISHED', threadId, runId })
      return { kind: 'events', events, terminal, reply: true }
    }
    case 'cooldown': {
      const seconds = Number(metadata.cooldown_remaining)
      const cooldownMs = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0
      const value = { cooldownRemainingMs: cooldownMs, content: text ?? '' }
      return {
        kind: 'events',
        events: [
          { type: 'CUSTOM', name: 'agentconnect.cooldown', value },
          {
            type: 'RUN_FINISHED',
            threadId,
            runId,
            result: { cooldown: { retryAfterMs: cooldownMs } },
          },
        ],
        terminal: true,
        cooldownMs,
      }
    }
    case 'stop': {
      const reason = typeof metadata.reason === 'string' ? metadata.reason : (text ?? 'stopped')
      return {
        kind: 'events',
        events: [{ type: 'RUN_FINISHED', threadId, runId, result: { stopped: true, reason } }],
        terminal: true,
      }
    }
    case 'system':
    case 'info':
      return {
        kind: 'events',
        events: [
          {
            type: 'CUSTOM',
            name: `agentconnect.${frame.type}`,
            value: { content: frame.content ?? null, metadata },
          },
        ],
        terminal: false,
      }
    case 'error': {
      if (text === undefined) return badContent()
      const code = typeof metadata.code === 'string' ? metadata.code : 'agentconnect_error'
      return {
        kind: 'events',
        events: [{ type: 'RUN_ERROR', message: text || 'AgentConnect reported an error.', code }],
        terminal: true,
      }
    }
    default:
      return { kind: 'ignore', unknownType: frame.type }
  }
}
