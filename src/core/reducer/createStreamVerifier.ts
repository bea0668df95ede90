import { AgentError } from '../protocol/AgentError'
import type { AgentEvent } from '../protocol/types'

interface Open {
  subagentRunId?: string
}

function violation(message: string, event: unknown): AgentError {
  return new AgentError('protocol_violation', message, { event })
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
export class StreamVerifier {
  #phase: 'initial' | 'running' | 'finished' | 'errored' = 'initial'
  #runId: string | undefined
  #threadId: string | undefined
  readonly #text = new Map<string, Open>()
  readonly #reasoning = new Map<string, Open>()
  readonly #tools = new Map<string, Open>()
  readonly #steps = new Set<string>()
  readonly #subagents = new Set<string>()

  /** True between `RUN_STARTED` and its terminal event. */
  get runOpen(): boolean {
    return this.#phase === 'running'
  }

  /** True once the stream has ended a run (or opened with `RUN_ERROR`). */
  get sawTerminal(): boolean {
    return this.#phase === 'finished' || this.#phase === 'errored'
  }

  check(e: AgentEvent): void {
    if (e.type === 'RUN_ERROR') {
      this.#phase = 'errored'
      this.#resetOpen()
      return
    }
    if (e.type === 'RUN_STARTED') return this.#runStarted(e)
    if (this.#phase === 'initial')
      throw violation(`First event must be 'RUN_STARTED', got '${e.type}'`, e)
    if (this.#phase === 'finished') {
      throw violation(
        `The run has already finished with 'RUN_FINISHED'. Cannot send event type '${e.type}'`,
        e,
      )
    }
    if (this.#phase === 'errored') {
      throw violation(
        `The run has already errored with 'RUN_ERROR'. Cannot send event type '${e.type}'`,
        e,
      )
    }
    switch (e.type) {
      case 'RUN_FINISHED':
        return this.#runFinished(e)
      case 'TEXT_MESSAGE_START':
        return this.#open(this.#text, 'text message', e.messageId, e)
      case 'TEXT_MESSAGE_CONTENT':
        return this.#continues(this.#text, 'text message', e.messageId, e)
      case 'TEXT_MESSAGE_END':
        return this.#close(this.#text, 'text message', e.messageId, e)
      case 'REASONING_MESSAGE_START':
        return this.#open(this.#reasoning, 'reasoning message', e.messageId, e)
      case 'REASONING_MESSAGE_CONTENT':
        return this.#continues(this.#reasoning, 'reasoning message', e.messageId, e)
      case 'REASONING_MESSAGE_END':
        return this.#close(this.#reasoning, 'reasoning message', e.messageId, e)
      case 'TOOL_CALL_START':
        return this.#open(this.#tools, 'tool call', e.toolCallId, e)
      case 'TOOL_CALL_ARGS':
        return this.#continues(this.#tools, 'tool call', e.toolCallId, e)
      case 'TOOL_CALL_END':
        return this.#close(this.#tools, 'tool call', e.toolCallId, e)
      case 'STEP_STARTED':
        this.#steps.add(e.stepName)
        return
      case 'STEP_FINISHED':
        if (!this.#steps.delete(e.stepName)) {
          throw violation(
            `Cannot send 'STEP_FINISHED' for step '${e.stepName}' that was not started`,
            e,
          )
        }
        return
      case 'SUBAGENT_STARTED':
        this.#subagents.add(e.subagentRunId)
        return
      case 'SUBAGENT_FINISHED':
      case 'SUBAGENT_ERROR':
        if (!this.#subagents.delete(e.subagentRunId)) {
          throw violation(
            `Cannot send '${e.type}' for subagent run '${e.subagentRunId}' that was not started`,
            e,
          )
        }
        return
      default:
        return
    }
  }

  #runStarted(e: Extract<AgentEvent, { type: 'RUN_STARTED' }>): void {
    if (this.#phase === 'running') {
      throw violation(
        `Cannot send 'RUN_STARTED' while a run is still active (runId '${this.#runId}')`,
        e,
      )
    }
    if (this.#threadId !== undefined && e.threadId !== this.#threadId) {
      throw violation(
        `Every RUN_STARTED of a stream carries the input's threadId: expected '${this.#threadId}', got '${e.threadId}'`,
        e,
      )
    }
    this.#phase = 'running'
    this.#runId = e.runId
    this.#threadId = e.threadId
    this.#resetOpen()
  }

  #runFinished(e: Extract<AgentEvent, { type: 'RUN_FINISHED' }>): void {
    const openOf = (what: string, ids: Iterable<string>) => {
      const list = [...ids]
      if (list.length) {
        throw violation(
          `Cannot send 'RUN_FINISHED' while ${what} are still active: ${list.map((i) => `'${i}'`).join(', ')}`,
          e,
        )
      }
    }
    openOf('text messages', this.#text.keys())
    openOf('reasoning messages', this.#reasoning.keys())
    openOf('tool calls', this.#tools.keys())
    openOf('steps', this.#steps)
    openOf('subagents', this.#subagents)
    if (e.runId !== this.#runId) {
      throw violation(
        `RUN_FINISHED and RUN_STARTED must agree on their runId: '${this.#runId}' vs '${e.runId}'`,
        e,
      )
    }
    if (e.threadId !== this.#threadId) {
      throw violation(
        `RUN_FINISHED and RUN_STARTED must both carry the input's threadId: '${this.#threadId}' vs '${e.threadId}'`,
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
    this.#phase = 'finished'
  }

  #open(map: Map<string, Open>, what: string, id: string, e: AgentEvent & Open): void {
    if (map.has(id))
      throw violation(
        `Cannot start ${what} '${id}': a ${what} with this ID is already in progress`,
        e,
      )
    map.set(id, e.subagentRunId === undefined ? {} : { subagentRunId: e.subagentRunId })
  }

  #continues(map: Map<string, Open>, what: string, id: string, e: AgentEvent & Open): void {
    const open = map.get(id)
    if (!open) throw violation(`No active ${what} found with ID '${id}' (${e.type})`, e)
    if (
      e.subagentRunId !== undefined &&
      open.subagentRunId !== undefined &&
      e.subagentRunId !== open.subagentRunId
    ) {
      throw violation(
        `${e.type} subagentRunId '${e.subagentRunId}' does not match the opener's subagentRunId '${open.subagentRunId}'`,
        e,
      )
    }
  }

  #close(map: Map<string, Open>, what: string, id: string, e: AgentEvent & Open): void {
    this.#continues(map, what, id, e)
    map.delete(id)
  }

  #resetOpen(): void {
    this.#text.clear()
    this.#reasoning.clear()
    this.#tools.clear()
    this.#steps.clear()
    this.#subagents.clear()
  }
}
