import { AgentError } from '../protocol/AgentError'
import type { AgentEvent } from '../protocol/types'

/** What the verifier remembers of an open message or tool call. */
interface Open {
  subagentRunId?: string
}

type RunStarted = Extract<AgentEvent, { type: 'RUN_STARTED' }>
type RunFinished = Extract<AgentEvent, { type: 'RUN_FINISHED' }>

function violation(message: string, event: unknown): AgentError {
  return new AgentError('protocol_violation', message, { event })
}

/** The "verification" stage of one stream; see {@link createStreamVerifier}. @internal */
export interface StreamVerifier {
  /** Checks one (chunk-expanded) event. @throws AgentError `protocol_violation` */
  check(e: AgentEvent): void
  /**
   * True when the stream's last run has ended (`RUN_FINISHED`, `RUN_ERROR`; or the stream opened
   * with `RUN_ERROR`) and no other has started: a stream that stops here is complete.
   */
  readonly ended: boolean
}

/**
 * The "verification" stage (spec 1.1, "Event ordering"): checks each (chunk-expanded) event
 * against what the stream has opened so far, and throws `AgentError('protocol_violation')` on:
 * a first event other than `RUN_STARTED`/`RUN_ERROR`; a nested `RUN_STARTED`; anything but
 * `RUN_STARTED`/`RUN_ERROR` after a run ended; `RUN_FINISHED` while messages, tool calls,
 * steps or subagents are open, or with another runId/threadId than its `RUN_STARTED`; a second
 * run on another thread; content/end for an id that is not open; `STEP_FINISHED` for a step not
 * started; `SUBAGENT_FINISHED`/`_ERROR` for an unannounced invocation; a continuation whose
 * `subagentRunId` differs from its opener's; two interrupts with one id.
 * @internal
 */
export function createStreamVerifier(): StreamVerifier {
  let phase: 'initial' | 'running' | 'finished' | 'errored' = 'initial'
  let runId: string | undefined
  let threadId: string | undefined
  const text = new Map<string, Open>()
  const reasoning = new Map<string, Open>()
  const tools = new Map<string, Open>()
  const steps = new Set<string>()
  const subagents = new Set<string>()

  const resetOpen = (): void => {
    text.clear()
    reasoning.clear()
    tools.clear()
    steps.clear()
    subagents.clear()
  }

  const runStarted = (e: RunStarted): void => {
    if (phase === 'running') {
      throw violation(`Cannot send 'RUN_STARTED' while a run is still active (runId '${runId}')`, e)
    }
    if (threadId !== undefined && e.threadId !== threadId) {
      throw violation(
        `Every RUN_STARTED of a stream carries the input's threadId: expected '${threadId}', got '${e.threadId}'`,
        e,
      )
    }
    phase = 'running'
    runId = e.runId
    threadId = e.threadId
    resetOpen()
  }

  const runFinished = (e: RunFinished): void => {
    const openOf = (what: string, ids: Iterable<string>) => {
      const list = [...ids]
      if (list.length) {
        throw violation(
          `Cannot send 'RUN_FINISHED' while ${what} are still active: ${list.map((i) => `'${i}'`).join(', ')}`,
          e,
        )
      }
    }
    openOf('text messages', text.keys())
    openOf('reasoning messages', reasoning.keys())
    openOf('tool calls', tools.keys())
    openOf('steps', steps)
    openOf('subagents', subagents)
    if (e.runId !== runId) {
      throw violation(
        `RUN_FINISHED and RUN_STARTED must agree on their runId: '${runId}' vs '${e.runId}'`,
        e,
      )
    }
    if (e.threadId !== threadId) {
      throw violation(
        `RUN_FINISHED and RUN_STARTED must both carry the input's threadId: '${threadId}' vs '${e.threadId}'`,
        e,
      )
    }
    if (e.outcome?.type === 'interrupt') {
      const seen = new Set<string>()
      for (const i of e.outcome.interrupts) {
        if (seen.has(i.id))
          throw violation(`RUN_FINISHED carries two interrupts carrying the id '${i.id}'`, e)
        seen.add(i.id)
      }
    }
    phase = 'finished'
  }

  /**
   * A start, content or end event (told apart by the suffix of its type) of the message or tool
   * call `id`, whose open ones `map` holds.
   */
  const lane = (map: Map<string, Open>, what: string, id: string, e: AgentEvent & Open): void => {
    const opener = map.get(id)
    if (e.type.endsWith('_START')) {
      if (opener)
        throw violation(
          `Cannot start ${what} '${id}': a ${what} with this ID is already in progress`,
          e,
        )
      map.set(id, e.subagentRunId === undefined ? {} : { subagentRunId: e.subagentRunId })
      return
    }
    if (!opener) throw violation(`No active ${what} found with ID '${id}' (${e.type})`, e)
    if (
      e.subagentRunId !== undefined &&
      opener.subagentRunId !== undefined &&
      e.subagentRunId !== opener.subagentRunId
    ) {
      throw violation(
        `${e.type} subagentRunId '${e.subagentRunId}' does not match the opener's subagentRunId '${opener.subagentRunId}'`,
        e,
      )
    }
    if (e.type.endsWith('_END')) map.delete(id)
  }

  return {
    get ended() {
      return phase === 'finished' || phase === 'errored'
    },
    check(e) {
      if (e.type === 'RUN_ERROR') {
        phase = 'errored'
        resetOpen()
        return
      }
      if (e.type === 'RUN_STARTED') return runStarted(e)
      if (phase === 'initial')
        throw violation(`First event must be 'RUN_STARTED', got '${e.type}'`, e)
      if (phase === 'finished') {
        throw violation(
          `The run has already finished with 'RUN_FINISHED'. Cannot send event type '${e.type}'`,
          e,
        )
      }
      if (phase === 'errored') {
        throw violation(
          `The run has already errored with 'RUN_ERROR'. Cannot send event type '${e.type}'`,
          e,
        )
      }
      switch (e.type) {
        case 'RUN_FINISHED':
          return runFinished(e)
        case 'TEXT_MESSAGE_START':
        case 'TEXT_MESSAGE_CONTENT':
        case 'TEXT_MESSAGE_END':
          return lane(text, 'text message', e.messageId, e)
        case 'REASONING_MESSAGE_START':
        case 'REASONING_MESSAGE_CONTENT':
        case 'REASONING_MESSAGE_END':
          return lane(reasoning, 'reasoning message', e.messageId, e)
        case 'TOOL_CALL_START':
        case 'TOOL_CALL_ARGS':
        case 'TOOL_CALL_END':
          return lane(tools, 'tool call', e.toolCallId, e)
        case 'STEP_STARTED':
          steps.add(e.stepName)
          return
        case 'STEP_FINISHED':
          if (!steps.delete(e.stepName)) {
            throw violation(
              `Cannot send 'STEP_FINISHED' for step '${e.stepName}' that was not started`,
              e,
            )
          }
          return
        case 'SUBAGENT_STARTED':
          subagents.add(e.subagentRunId)
          return
        case 'SUBAGENT_FINISHED':
        case 'SUBAGENT_ERROR':
          if (!subagents.delete(e.subagentRunId)) {
            throw violation(
              `Cannot send '${e.type}' for subagent run '${e.subagentRunId}' that was not started`,
              e,
            )
          }
          return
        default:
          return
      }
    },
  }
}
