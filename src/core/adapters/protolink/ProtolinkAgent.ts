import { AgentError, isAgentError, toAgentError } from '../../protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../protocol/types'
import type { AgentStatusSource } from '../../status/AgentStatusSource'
import type { Agent, Observable, RunOptions } from '../../transport/Agent'
import { createConnectionStateHolder, type ConnectionState } from '../../transport/ConnectionState'
import { createObservable, type SubscriberSink } from '../../transport/createObservable'
import { buildProtolinkTask, lastUserText } from './buildProtolinkTask'
import { createProtolinkStatusSource, fetchProtolinkCard } from './createProtolinkStatusSource'
import { followProtolinkTask, type FollowedTask, type FollowedTasks } from './followProtolinkTask'
import { createProtolinkMapState, ev } from './ProtolinkMapState'
import {
  answerText,
  cancelProtolinkTask,
  checkTaskStream,
  postApprovalDecision,
  postTaskStream,
  readDecision,
  releaseParkedTask,
} from './protolinkRequests'
import { openProtolinkStream } from './openProtolinkStream'
import { createProtolinkHttp, type ProtolinkHttp } from './protolinkHttp'
import type { ProtolinkAgentOptions } from './ProtolinkAgentOptions'
import { runProtolinkChat } from './runProtolinkChat'

export type { ProtolinkAgentOptions, ProtolinkAuth } from './ProtolinkAgentOptions'

const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024

/**
 * An {@link Agent} for a Protolink agent (repo nMaroulis/protolink v0.7; seed-systems §3), so
 * `AgentProvider`, the hooks and `<Chat />` drive it unchanged. Browser-safe.
 *
 * A run sends only the thread's LAST user message (Protolink keeps its own history per
 * `metadata.session_id`, which is the AG-UI `threadId`): `POST <baseUrl>/tasks/stream` with a
 * Task (`parts:[{type:'infer', content:{prompt}}]`), `Accept: text/event-stream` and
 * `X-Protolink-Request-ID`, then maps each JSON-RPC frame to AG-UI events with
 * `mapProtolinkFrame`, after its own `RUN_STARTED` (`input.threadId`/`input.runId`).
 * Events are not schema-checked here (the store validates them; `validatesEvents` is unset).
 *
 * Approvals (Protolink's `ApprovalBroker`): an `approval_required` event becomes the tool call
 * plus `RUN_FINISHED{outcome:interrupt}` whose interrupt (`reason:'tool_call'`, `toolCallId` =
 * `action_id`) the kit's `<ToolApproval>` card answers. The task's stream stays open, parked per
 * thread. The store's resume run then carries `resume[]`: the adapter POSTs
 * `{approved, request_id, reason}` to the approval endpoint (see `approvalUrl`) and reads the
 * same stream on under the new run id. A resume entry `cancelled` (the user sent a new message
 * instead) posts a denial, cancels the old task and starts a new one.
 * `input-required` ends the run with an `input_required` interrupt; its answer (a string or
 * `{text}`) is sent as a new message of the same task id.
 *
 * Stopping (`signal`, unsubscribe) POSTs `/tasks/cancel {id, metadata:{reason}}` ("live
 * cancel"); {@link ProtolinkAgent.cancelRun} does the same and the stream then ends with
 * `RUN_FINISHED{outcome:cancelled}`. Without streaming (`streaming: false`, the agent card's
 * `capabilities.streaming: false`, or `/tasks/stream` 404) a run POSTs `/chat`.
 *
 * Errors (`AgentError`, after every event already received was delivered): `auth_required`
 * (401/403), `rate_limited` (429, `retryAfterMs` from `Retry-After`), `http_error`, `network`,
 * `invalid_response` (2xx that is not SSE / not the `/chat` JSON), `invalid_json`, `bad_frame`
 * (see `mapProtolinkFrame`), `limit_exceeded`, `truncated` (the stream ended before the task
 * did), `aborted`, `run_error` (`agentCode: 'no_user_message'` when the thread does not end
 * with a user message). Protolink's own failures (`ok:false`, `task_error`, `failed`) arrive as
 * `RUN_ERROR` events.
 *
 * @example
 * const agent = new ProtolinkAgent({ baseUrl: '/protolink' })
 * <AgentProvider agent={agent}><Chat /></AgentProvider>
 */
export class ProtolinkAgent implements Agent {
  /** The agent card (skills, capabilities) and `/healthz`, for `useAgentStatus()`. */
  readonly statusSource: AgentStatusSource
  readonly #options: ProtolinkAgentOptions
  readonly #http: ProtolinkHttp
  readonly #newId: () => string
  readonly #live = new Map<string, FollowedTask>()
  readonly #parked = new Map<string, FollowedTask>()
  readonly #connection = createConnectionStateHolder()
  #useChat: boolean | undefined
  /** What {@link followProtolinkTask} updates. */
  readonly #tasks: FollowedTasks

  constructor(options: ProtolinkAgentOptions) {
    this.#options = options
    this.#http = createProtolinkHttp(options)
    this.#tasks = { http: this.#http, live: this.#live, parked: this.#parked }
    this.#newId = options.newId ?? (() => globalThis.crypto.randomUUID())
    this.statusSource = createProtolinkStatusSource(options)
    if (options.streaming !== undefined && options.streaming !== 'auto')
      this.#useChat = !options.streaming
  }

  /** Starts a run (or resumes a parked task); see the class docs for how it ends. */
  run(input: RunAgentInput, options: RunOptions = {}): Observable<BaseEvent> {
    return createObservable<BaseEvent>((sink) => {
      const controller = new AbortController()
      const { signal } = options
      if (signal?.aborted) {
        sink.error(new AgentError('aborted', 'The run was aborted before it started.'))
        return
      }
      const onAbort = () => controller.abort(new AgentError('aborted', 'The run was aborted.'))
      signal?.addEventListener('abort', onAbort, { once: true })
      const settled: SubscriberSink<BaseEvent> = {
        next: (event) => sink.next(event),
        error: (error) => sink.error(error),
        complete: () => {
          this.#settle() // before the caller sees the end
          sink.complete()
        },
        get closed() {
          return sink.closed
        },
      }
      this.#execute(input, controller.signal, settled).then(
        () => undefined,
        (error: unknown) => {
          const reason = controller.signal.reason as unknown
          const failure =
            controller.signal.aborted && isAgentError(reason) ? reason : toAgentError(error)
          this.#settle(failure)
          sink.error(failure)
        },
      )
      return () => {
        signal?.removeEventListener('abort', onAbort)
        if (!controller.signal.aborted)
          controller.abort(new AgentError('aborted', 'The run was unsubscribed.'))
      }
    })
  }

  /**
   * Cancels the task of run `runId` at the server: `POST /tasks/cancel {id, metadata:{reason}}`.
   * @throws AgentError `run_not_found` (no task of that run is followed), `auth_required`,
   *   `rate_limited`, `http_error`, `network`.
   */
  async cancelRun(runId: string): Promise<void> {
    const task = this.#live.get(runId) ?? [...this.#parked.values()].find((t) => t.runId === runId)
    if (!task) throw new AgentError('run_not_found', `No Protolink task runs for run ${runId}.`)
    await cancelProtolinkTask(this.#http, task.taskId, 'Cancelled by the user.')
  }

  /**
   * Lets go of tasks parked at an interrupt (call on unmount): each waiting approval is denied
   * (`reason` "The app closed."), its task cancelled (`POST /tasks/cancel`, failures ignored)
   * and its stream closed. Runs in flight are stopped by their own signal, not here.
   */
  close(): void {
    for (const task of this.#parked.values()) {
      task.stream?.close()
      releaseParkedTask(this.#http, this.#options, task.taskId, task.approval?.request_id)
    }
    this.#parked.clear()
    this.#settle()
  }

  /** `connecting` while a request opens, `open` while a task streams, then `idle`/`closed`/`auth_required`. */
  getConnectionState(): ConnectionState {
    return this.#connection.get()
  }

  /** Calls `listener` on every connection state change; returns the unsubscribe function. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    return this.#connection.subscribe(listener)
  }

  #settle(error?: AgentError): void {
    const streaming = [...this.#parked.values()].some((t) => t.stream !== undefined)
    if (this.#live.size > 0 || streaming) return // a parked approval keeps its stream open
    if (error?.code === 'auth_required') this.#connection.set({ status: 'auth_required', error })
    else if (error && error.code !== 'aborted' && error.retryable)
      this.#connection.set({ status: 'closed', error })
    else this.#connection.set({ status: 'idle' })
  }

  async #execute(input: RunAgentInput, signal: AbortSignal, sink: SubscriberSink<BaseEvent>) {
    const parked = this.#parked.get(input.threadId)
    if (parked) {
      const entry = input.resume?.find((r) => r.interruptId === parked.interruptId)
      if (parked.approval) {
        const decision = readDecision(entry)
        await postApprovalDecision(
          this.#http,
          this.#options,
          parked.approval.request_id,
          decision,
          signal,
        )
        this.#parked.delete(input.threadId)
        if (entry?.status === 'resolved' && parked.stream) {
          sink.next(ev({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId }))
          Object.assign(parked.state, { runId: input.runId, ended: false, textSeen: false })
          delete parked.interruptId
          delete parked.approval
          return followProtolinkTask(this.#tasks, { ...parked, runId: input.runId }, signal, sink)
        }
        parked.stream?.close()
        void cancelProtolinkTask(this.#http, parked.taskId, 'The user moved on.').catch(
          () => undefined,
        )
      } else {
        this.#parked.delete(input.threadId)
        if (entry?.status === 'resolved')
          return this.#startTask(input, answerText(entry.payload), parked.taskId, signal, sink)
      }
    }
    const prompt = lastUserText(input.messages)
    if (prompt === undefined)
      throw new AgentError(
        'run_error',
        'Protolink takes one new user message per run; the thread does not end with one.',
        { agentCode: 'no_user_message', retryable: false },
      )
    return this.#startTask(input, prompt, this.#newId(), signal, sink)
  }

  async #startTask(
    input: RunAgentInput,
    prompt: string,
    taskId: string,
    signal: AbortSignal,
    sink: SubscriberSink<BaseEvent>,
  ): Promise<void> {
    this.#connection.set({ status: 'connecting' })
    if (await this.#chatOnly(signal))
      return runProtolinkChat(this.#http, input, prompt, signal, sink)
    const task = buildProtolinkTask({
      taskId,
      messageId: this.#newId(),
      prompt,
      sessionId: input.threadId,
    })
    const fetchController = new AbortController()
    const response = await postTaskStream(this.#http, task, this.#newId(), signal, fetchController)
    if (response.status === 404 && this.#options.streaming !== true) {
      void response.body?.cancel().catch(() => undefined)
      this.#useChat = true
      return runProtolinkChat(this.#http, input, prompt, signal, sink)
    }
    await checkTaskStream(this.#http, response)
    this.#connection.set({ status: 'open' })
    const stream = openProtolinkStream(response, {
      maxEventBytes: this.#options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
      abort: fetchController,
    })
    sink.next(ev({ type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId }))
    const state = createProtolinkMapState(input.threadId, input.runId, taskId)
    return followProtolinkTask(
      this.#tasks,
      { taskId, runId: input.runId, stream, state },
      signal,
      sink,
    )
  }

  async #chatOnly(signal: AbortSignal): Promise<boolean> {
    if (this.#useChat !== undefined) return this.#useChat
    try {
      const card = await fetchProtolinkCard(this.#http, signal)
      this.#useChat = card.capabilities?.streaming === false
      return this.#useChat
    } catch (error) {
      if (signal.aborted) throw error
      return false // no card: try streaming; its answer tells the real failure
    }
  }
}
