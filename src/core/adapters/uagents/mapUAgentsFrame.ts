import { AgentError } from '../../protocol/AgentError'
import type { Interrupt, WireEvent } from '../../protocol/types'
import { cardInterrupt, readUAgentsCard, type UAgentsCard } from './uagentsCards'
import type {
  UAgentsBridgeErrorCode,
  UAgentsBridgeFrame,
  UAgentsChatContent,
  UAgentsChatMessage,
} from './uagentsChatTypes'

/** What a {@link UAgentsFrameMapper} maps for: the run's ids (spec: RUN_* carry the input's). */
export interface UAgentsFrameMapperOptions {
  threadId: string
  runId: string
  /** `msg_id` of the ChatMessage this run sent (its acknowledgement is matched against it). */
  sentMsgId?: string
}

/**
 * A stateful, deterministic mapping of one run's bridge frames to AG-UI events (no I/O, no
 * clock): create one per run, feed it every frame, stop when `finished`.
 */
export interface UAgentsFrameMapper {
  /** `RUN_STARTED` for the run's `threadId`/`runId`. */
  start(): WireEvent[]
  /**
   * Maps one bridge frame (already `JSON.parse`d). Nothing is emitted after the run finished.
   * @throws AgentError `bad_frame` (not a bridge frame, a malformed ChatMessage, a broken card),
   *   or the code of an `error` frame: `network` (`agent_unreachable`), `heartbeat_timeout`
   *   (`agent_lost`), `bad_frame` (`agent_rejected`), `http_error` (`bad_request`).
   */
  map(frame: unknown): WireEvent[]
  /**
   * Ends the run now (the adapter calls it after the agent went quiet): closes an open streamed
   * message and emits `RUN_FINISHED` (success). Empty when already finished.
   */
  finish(): WireEvent[]
  /** The cards received, by interrupt id (to answer them on the next run). */
  readonly cards: ReadonlyMap<string, UAgentsCard>
  /** `RUN_FINISHED` was emitted. */
  readonly finished: boolean
  /** The sent message was acknowledged. */
  readonly acknowledged: boolean
  /** A `start-stream` is open (the run must not finish on quiet). */
  readonly streaming: boolean
  /** ChatMessages received in this run. */
  readonly replies: number
}

const ERROR_CODES: Record<UAgentsBridgeErrorCode, AgentError['code']> = {
  agent_unreachable: 'network',
  agent_lost: 'heartbeat_timeout',
  agent_rejected: 'bad_frame',
  bad_request: 'http_error',
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function badFrame(message: string, frame: unknown): AgentError {
  return new AgentError('bad_frame', `uAgents bridge: ${message}`, { event: frame })
}

function checkMessage(msg: unknown, frame: unknown): UAgentsChatMessage {
  if (!isObject(msg) || typeof msg.msg_id !== 'string' || !Array.isArray(msg.content))
    throw badFrame('a message frame without a ChatMessage {msg_id, content[]}', frame)
  for (const item of msg.content)
    if (!isObject(item) || typeof item.type !== 'string')
      throw badFrame(`ChatMessage ${msg.msg_id} has a content item without a type`, frame)
  return msg as unknown as UAgentsChatMessage
}

/**
 * Creates the mapping of one run (issue 8, seed-systems README §4):
 * - `ack` of our message → `CUSTOM` `uagents.delivered` `{msg_id, timestamp, metadata}`;
 * - `text` items → one assistant text message each (`messageId` = `msg_id`, or
 *   `msg_id:1`, `msg_id:2`, ... for later text items of the same ChatMessage);
 * - `start-stream` … `end-stream` → one streamed message (`messageId` = `stream_id`): every text
 *   item in between is a `TEXT_MESSAGE_CONTENT` delta, across ChatMessages;
 * - `resource` → `ACTIVITY_SNAPSHOT` `uagents.resource` (`messageId` = `resource_id`,
 *   `content` `{resource_id, resources:[{uri, metadata}]}`): AG-UI assistant messages carry only
 *   text, so an attachment is an activity message in thread order (shown as a card by `<Chat />`);
 * - card metadata → `RUN_FINISHED` with an `interrupt` outcome (see `cardInterrupt`) after the
 *   rest of the message; other metadata → `CUSTOM` `uagents.metadata`;
 * - `start-session` → `CUSTOM` `uagents.session_started`; `end-session` → `RUN_FINISHED`.
 */
export function createUAgentsFrameMapper(options: UAgentsFrameMapperOptions): UAgentsFrameMapper {
  const { threadId, runId } = options
  const cards = new Map<string, UAgentsCard>()
  let finished = false
  let acknowledged = false
  let stream: string | undefined
  let replies = 0
  /** Text messages started from the current ChatMessage (the first is `msg_id`, then `msg_id:1`, ...). */
  let texts = 0

  const closeStream = (out: WireEvent[]) => {
    if (stream !== undefined) out.push({ type: 'TEXT_MESSAGE_END', messageId: stream })
    stream = undefined
  }
  const end = (out: WireEvent[], interrupts: Interrupt[] = []) => {
    closeStream(out)
    finished = true
    out.push({
      type: 'RUN_FINISHED',
      threadId,
      runId,
      outcome: interrupts.length > 0 ? { type: 'interrupt', interrupts } : { type: 'success' },
    })
    return out
  }

  function mapItem(
    item: UAgentsChatContent,
    msg: UAgentsChatMessage,
    index: number,
    out: WireEvent[],
    interrupts: Interrupt[],
    frame: unknown,
  ): boolean {
    switch (item.type) {
      case 'text': {
        if (typeof item.text !== 'string')
          throw badFrame(`text item without text in ${msg.msg_id}`, frame)
        if (stream !== undefined) {
          if (item.text)
            out.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: stream, delta: item.text })
          return false
        }
        const messageId = texts === 0 ? msg.msg_id : `${msg.msg_id}:${texts}`
        texts += 1
        out.push({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
        if (item.text) out.push({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: item.text })
        out.push({ type: 'TEXT_MESSAGE_END', messageId })
        return false
      }
      case 'start-stream':
      case 'end-stream': {
        if (typeof item.stream_id !== 'string')
          throw badFrame(`${item.type} without stream_id`, frame)
        if (item.type === 'end-stream') {
          if (stream === item.stream_id) closeStream(out)
          return false
        }
        closeStream(out)
        stream = item.stream_id
        out.push({ type: 'TEXT_MESSAGE_START', messageId: stream, role: 'assistant' })
        return false
      }
      case 'resource': {
        const resources = Array.isArray(item.resource) ? item.resource : [item.resource]
        if (
          typeof item.resource_id !== 'string' ||
          !resources.every((r) => isObject(r) && typeof r.uri === 'string')
        )
          throw badFrame(`resource item without resource_id or uri in ${msg.msg_id}`, frame)
        out.push({
          type: 'ACTIVITY_SNAPSHOT',
          messageId: item.resource_id,
          activityType: 'uagents.resource',
          content: { resource_id: item.resource_id, resources },
        })
        return false
      }
      case 'metadata': {
        if (!isObject(item.metadata))
          throw badFrame(`metadata item without metadata in ${msg.msg_id}`, frame)
        let card: UAgentsCard | undefined
        try {
          card = readUAgentsCard(item.metadata)
        } catch (error) {
          throw badFrame(`${(error as Error).message} (ChatMessage ${msg.msg_id})`, frame)
        }
        if (!card) {
          out.push({
            type: 'CUSTOM',
            name: 'uagents.metadata',
            value: { msg_id: msg.msg_id, metadata: item.metadata },
          })
          return false
        }
        const interrupt = cardInterrupt(card, msg.msg_id, index)
        cards.set(interrupt.id, card)
        interrupts.push(interrupt)
        return false
      }
      case 'start-session':
        out.push({ type: 'CUSTOM', name: 'uagents.session_started', value: { msg_id: msg.msg_id } })
        return false
      case 'end-session':
        return true
      default:
        throw badFrame(
          `unknown content type '${(item as { type: string }).type}' in ${msg.msg_id}`,
          frame,
        )
    }
  }

  function mapMessage(msg: UAgentsChatMessage, frame: unknown): WireEvent[] {
    replies += 1
    texts = 0
    const out: WireEvent[] = []
    const interrupts: Interrupt[] = []
    let ended = false
    msg.content.forEach((item, index) => {
      if (mapItem(item, msg, index, out, interrupts, frame)) ended = true
    })
    return ended || interrupts.length > 0 ? end(out, interrupts) : out
  }

  return {
    start: () => [{ type: 'RUN_STARTED', threadId, runId }],
    map(frame) {
      if (finished) return []
      if (!isObject(frame) || typeof frame.kind !== 'string')
        throw badFrame('a frame without a kind', frame)
      const f = frame as UAgentsBridgeFrame
      switch (f.kind) {
        case 'ready':
        case 'sent':
          return []
        case 'ack': {
          if (!isObject(f.ack) || typeof f.ack.acknowledged_msg_id !== 'string')
            throw badFrame('an ack frame without acknowledged_msg_id', frame)
          if (f.ack.acknowledged_msg_id === options.sentMsgId) acknowledged = true
          return [
            {
              type: 'CUSTOM',
              name: 'uagents.delivered',
              value: {
                msg_id: f.ack.acknowledged_msg_id,
                timestamp: f.ack.timestamp,
                ...(f.ack.metadata && { metadata: f.ack.metadata }),
              },
            },
          ]
        }
        case 'message':
          return mapMessage(checkMessage(f.msg, frame), frame)
        case 'error': {
          const code = ERROR_CODES[f.code] ?? 'bad_frame'
          throw new AgentError(code, `uAgents bridge: ${String(f.message)}`, {
            event: frame,
            agentCode: String(f.code),
          })
        }
        default:
          throw badFrame(`unknown frame kind '${String((f as { kind: unknown }).kind)}'`, frame)
      }
    },
    finish: () => (finished ? [] : end([])),
    cards,
    get finished() {
      return finished
    },
    get acknowledged() {
      return acknowledged
    },
    get streaming() {
      return stream !== undefined
    },
    get replies() {
      return replies
    },
  }
}
