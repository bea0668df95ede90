import { AgentError, toAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import { PROTOCOL_VERSION } from '../protocol/types'
import type { AgentEvent, RunAgentInput } from '../protocol/types'
import {
  addDiagnostic,
  appendMessage,
  beginRun,
  createEventPipeline,
  createSnapshot,
  replaceMessages,
  replaceState,
} from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type {
  AgentEventListener,
  AgentRunOptions,
  AgentStore,
  AgentStoreOptions,
} from './AgentStore'
import { createHumanInTheLoop } from './createHumanInTheLoop'
import { createListenerSet } from './createListenerSet'
import { defaultScheduler } from './defaultScheduler'
import type { ActiveRun, RunRequest } from './RunRequest'
import { toUserMessage } from './toUserMessage'

/**
 * Creates the {@link AgentStore} of one thread: it owns the thread's {@link AgentSnapshot},
 * runs `options.agent` (any {@link Agent}, including `@ag-ui/client` agents), and publishes
 * at most once per frame while events stream (see {@link AgentStore} for the rules).
 *
 * Creating a store has no side effect: nothing connects or runs until `run()`.
 * Agents that do not set `validatesEvents` have each event validated at the store's edge
 * (`createEventPipeline({ validate: true })`, design.md rule 2).
 *
 * @example
 * const store = createAgentStore({ agent: new HttpAgent({ url: '/agent' }) })
 * const final = await store.run({ message: 'Hello' })
 * if (final.run.status === 'error') console.warn(final.run.error?.code)
 */
export function createAgentStore(options: AgentStoreOptions): AgentStore {
  const { agent } = options
  const threadId = options.threadId ?? crypto.randomUUID()
  const scheduler = options.scheduler ?? defaultScheduler
  const defaults: RunRequest = {
    tools: options.tools ?? [],
    context: options.context ?? [],
    forwardedProps: {},
  }

  let current = createSnapshot({
    threadId,
    ...(options.initialMessages && { messages: options.initialMessages }),
    ...(options.initialState !== undefined && { state: options.initialState }),
  })
  let scheduled = false
  let destroyed = false
  let active: ActiveRun | undefined
  let lastRequest: RunRequest | undefined
  const listeners = createListenerSet<[]>('subscribe')
  const eventListeners = createListenerSet<[AgentEvent, AgentSnapshot]>('onEvent')
  // Human in the loop (issue 3): tools, approvals, follow-ups, interrupts (a reload restores them).
  const hitl = createHumanInTheLoop(
    {
      get: () => current,
      set: (snapshot) => void (current = snapshot),
      publish: () => flush(),
      isRunning: () => active !== undefined,
      isDestroyed: () => destroyed,
      startAutomatic: () => continueThread(),
    },
    options,
  )
  let published = current

  function flush(): void {
    if (current === published) return
    published = current
    listeners.emit()
  }

  function schedule(): void {
    if (scheduled || destroyed) return
    scheduled = true
    const fire = () => {
      scheduled = false
      if (!destroyed) flush()
    }
    try {
      scheduler(fire)
    } catch (error) {
      console.error('[agent-wire-react] scheduler threw; flushing now:', error)
      fire()
    }
  }

  function finish(run: ActiveRun): void {
    run.done = true
    if (active === run) active = undefined
    run.subscription?.unsubscribe()
    hitl.afterRun()
    flush()
    run.resolve(current)
    // Due frontend tools, decisions, the follow-up or the resume run (issue 3).
    hitl.settle()
  }

  function onNext(run: ActiveRun, event: unknown): void {
    if (run.done) return
    const before = current
    const failedBefore = run.pipeline.error !== undefined
    current = run.pipeline.push(current, event)
    const applied = run.applied.splice(0)
    hitl.onApplied(applied)
    for (const e of applied) eventListeners.emit(e, current)
    if (!failedBefore && run.pipeline.error !== undefined) {
      run.done = true
      run.controller.abort(run.pipeline.error)
      finish(run)
      return
    }
    if (current.run.status !== before.run.status) flush()
    else schedule()
  }

  function onError(run: ActiveRun, error: unknown): void {
    if (run.done) return
    current = run.pipeline.fail(current, toAgentError(error))
    finish(run)
  }

  function onComplete(run: ActiveRun): void {
    if (run.done) return
    current = run.pipeline.end(current)
    finish(run)
  }

  /**
   * Starts a run from `snapshot`. `keepAnswers`: `resume[]` re-sends answers kept after a
   * rejected resume (a resume, a retry); else unanswered interrupts are sent `cancelled`.
   */
  function start(
    snapshot: AgentSnapshot,
    request: RunRequest,
    keepAnswers: boolean,
  ): Promise<AgentSnapshot> {
    const runId = crypto.randomUUID()
    current = snapshot
    const resume = hitl.beginRun(keepAnswers)
    snapshot = current
    const input: RunAgentInput = {
      threadId,
      runId,
      protocolVersion: PROTOCOL_VERSION,
      state: snapshot.state,
      // Activity messages are UI-only (spec 1.1 "Activity"); agents never receive them.
      messages: snapshot.messages.filter((m) => m.role !== 'activity'),
      tools: hitl.tools(request.tools),
      context: request.context,
      forwardedProps: request.forwardedProps,
      ...(resume && { resume }),
    }
    current = beginRun(snapshot, { runId, threadId })
    return new Promise<AgentSnapshot>((resolve) => {
      const applied: AgentEvent[] = []
      const run: ActiveRun = {
        controller: new AbortController(),
        applied,
        pipeline: createEventPipeline({
          validate: !agent.validatesEvents,
          onEvent: (e) => applied.push(e),
          ...(options.maxProtocolVersion !== undefined && {
            maxProtocolVersion: options.maxProtocolVersion,
          }),
        }),
        done: false,
        resolve,
      }
      active = run
      flush()
      try {
        const onDiagnostic = (d: Diagnostic) => {
          if (run.done) return
          current = addDiagnostic(current, d)
          schedule()
        }
        const runOptions = {
          signal: run.controller.signal,
          onDiagnostic,
          ...(options.maxProtocolVersion !== undefined && {
            maxProtocolVersion: options.maxProtocolVersion,
          }),
        }
        const subscription = agent.run(input, runOptions).subscribe({
          next: (event) => onNext(run, event),
          error: (error) => onError(run, error),
          complete: () => onComplete(run),
        })
        run.subscription = subscription
        // The source may have ended (or been rejected) synchronously inside subscribe().
        if (run.done) subscription.unsubscribe()
      } catch (error) {
        onError(run, error)
      }
    })
  }

  /** A follow-up or resume run: the last request's tools/context, the thread as it is now. */
  function continueThread(): Promise<AgentSnapshot> {
    if (destroyed || active) return Promise.resolve(published)
    lastRequest = { ...(lastRequest ?? defaults), messages: current.messages }
    return start(current, lastRequest, true)
  }

  const store: AgentStore = {
    agent,
    getSnapshot: () => published,
    subscribe: (listener) => listeners.add(listener),
    onEvent: (listener: AgentEventListener) => eventListeners.add(listener),
    flush,

    run(runOptions: AgentRunOptions = {}) {
      if (destroyed || active) return Promise.resolve(published)
      // A new user message moves on: owed tool calls get a `cancelled` result first.
      if (runOptions.message !== undefined) hitl.moveOn()
      else hitl.userActed()
      let snapshot = current
      if ('state' in runOptions) snapshot = replaceState(snapshot, runOptions.state)
      if (runOptions.message !== undefined) {
        snapshot = appendMessage(snapshot, toUserMessage(runOptions.message))
      }
      lastRequest = {
        messages: snapshot.messages,
        tools: runOptions.tools ?? defaults.tools,
        context: runOptions.context ?? defaults.context,
        forwardedProps: runOptions.forwardedProps ?? defaults.forwardedProps,
      }
      return start(snapshot, lastRequest, runOptions.message === undefined)
    },

    retry() {
      if (destroyed || active) return Promise.resolve(published)
      hitl.userActed()
      // Retry re-sends the last run's request: the thread goes back to the messages that run
      // started from, dropping the partial output of the failed attempt.
      const request = lastRequest ?? defaults
      const snapshot = request.messages ? replaceMessages(current, request.messages) : current
      return start(snapshot, request, true)
    },

    stop() {
      hitl.stop()
      const run = active
      if (!run) return
      run.done = true
      active = undefined
      const error = new AgentError('aborted', 'The run was stopped.')
      run.controller.abort(error)
      run.subscription?.unsubscribe()
      run.subscription = undefined
      try {
        agent.abortRun?.()
      } catch (abortError) {
        console.error('[agent-wire-react] agent.abortRun() threw:', abortError)
      }
      if (current.run.status === 'running') current = run.pipeline.fail(current, error)
      finish(run)
    },

    setState(stateOrUpdater) {
      const next =
        typeof stateOrUpdater === 'function'
          ? (stateOrUpdater as (previous: unknown) => unknown)(current.state)
          : stateOrUpdater
      current = replaceState(current, next)
      flush()
    },

    addMessage(message) {
      current = appendMessage(current, message)
      flush()
    },

    ...hitl.api,

    destroy() {
      store.stop()
      flush()
      destroyed = true
      hitl.destroy()
      listeners.clear()
      eventListeners.clear()
    },
  }
  return store
}
