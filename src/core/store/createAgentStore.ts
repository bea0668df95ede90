import { AgentError } from '../protocol/AgentError'
import { PROTOCOL_VERSION } from '../protocol/types'
import type { AgentEvent, BaseEvent, RunAgentInput } from '../protocol/types'
import {
  appendMessage,
  beginRun,
  createSnapshot,
  replaceConnection,
  replaceMessages,
  replaceRun,
  replaceState,
} from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Observable, RunOptions } from '../transport/Agent'
import type {
  AgentEventListener,
  AgentRunOptions,
  AgentStore,
  AgentStoreOptions,
} from './AgentStore'
import { createHumanInTheLoop } from './createHumanInTheLoop'
import { createListenerSet } from './createListenerSet'
import { createPublisher } from './createPublisher'
import { createThreadEdits } from './createThreadEdits'
import { defaultScheduler } from './defaultScheduler'
import { deferUntil } from './deferUntil'
import type { ActiveRun, RunRequest } from './RunRequest'
import { snapshotToPersisted } from './snapshotToPersisted'
import { createActiveRun, streamRun, type RunStreamHost } from './streamRun'
import { toUserMessage } from './toUserMessage'
import { payloadValidatorPending } from './validatePayload'

/** A run the store stopped listening to (`detach()`); `attach()` continues its pipeline. */
type DetachedRun = Pick<ActiveRun, 'runId' | 'pipeline' | 'applied' | 'lastEventId'>

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
  let destroyed = false
  let active: ActiveRun | undefined
  let detached: DetachedRun | undefined
  /** The thread as the active (or detached) run found it: what `toPersisted()` saves mid-run. */
  let runStart: Pick<AgentSnapshot, 'messages' | 'state'> | undefined
  /** Busy: a run streams, or one goes on at the server detached (issue 6). */
  const busy = () => destroyed || active !== undefined || detached !== undefined
  let lastRequest: RunRequest | undefined
  const eventListeners = createListenerSet<[AgentEvent, AgentSnapshot]>('onEvent')
  // Human in the loop (issue 3): tools, approvals, follow-ups, interrupts (a reload restores them).
  const hitl = createHumanInTheLoop(
    {
      get: () => current,
      set: (snapshot) => void (current = snapshot),
      publish: () => flush(),
      isRunning: () => active !== undefined || detached !== undefined,
      isDestroyed: () => destroyed,
      startAutomatic: () => continueThread(),
    },
    options,
  )
  // Connection state (issue 6), mirrored from agents that report one.
  if (agent.getConnectionState) current = replaceConnection(current, agent.getConnectionState())
  const unsubscribeConnection = agent.subscribeConnection?.((connection) => {
    current = replaceConnection(current, connection)
    if (!destroyed) flush()
  })
  // Created last, so the first published snapshot includes the restored approvals/connection.
  const publisher = createPublisher(() => current, scheduler)
  const { flush, schedule } = publisher

  function finish(run: ActiveRun): void {
    run.done = true
    if (active === run) active = undefined
    if (!detached) runStart = undefined
    run.subscription?.unsubscribe()
    hitl.afterRun()
    flush()
    run.resolve(current)
    // Due frontend tools, decisions, the follow-up or the resume run (issue 3).
    hitl.settle()
  }

  const host: RunStreamHost = {
    agent,
    ...(options.maxProtocolVersion !== undefined && {
      maxProtocolVersion: options.maxProtocolVersion,
    }),
    get: () => current,
    set: (snapshot) => void (current = snapshot),
    flush,
    schedule,
    applied(events) {
      hitl.onApplied(events)
      for (const e of events) if (eventListeners.size > 0) eventListeners.emit(e, current)
    },
    finish,
  }

  /** Streams `open`'s events as the active run `runId` (a new run, or a re-joined one). */
  function stream(
    runId: string,
    open: (runOptions: RunOptions) => Observable<BaseEvent>,
    resumeFrom?: DetachedRun,
  ): Promise<AgentSnapshot> {
    return new Promise<AgentSnapshot>((resolve) => {
      // A run that ends with interrupts to answer resolves once their validator is loaded.
      const settle = (s: AgentSnapshot) => {
        const pending = payloadValidatorPending(s.interrupts)
        if (pending) void pending.then(() => resolve(s))
        else resolve(s)
      }
      const run = createActiveRun(host, runId, settle, resumeFrom)
      active = run
      flush()
      streamRun(host, run, open)
    })
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
    runStart = { messages: snapshot.messages, state: snapshot.state }
    current = beginRun(snapshot, { runId, threadId })
    // A zod/mini tool schema whose converter is still loading: send the tools once it is.
    const toolsPending = hitl.toolsPending()
    if (toolsPending) {
      return stream(runId, (runOptions) =>
        deferUntil(toolsPending, () =>
          agent.run({ ...input, tools: hitl.tools(request.tools) }, runOptions),
        ),
      )
    }
    return stream(runId, (runOptions) => agent.run(input, runOptions))
  }

  /** Cancels a detached run at the server and ends it `cancelled` here (issue 6). */
  function stopDetached(run: DetachedRun): void {
    detached = undefined
    runStart = undefined
    agent.cancelRun?.(run.runId).catch((error: unknown) => {
      console.error('[agent-wire-react] agent.cancelRun() failed:', error)
    })
    const { detached: _detached, ...info } = current.run
    current = run.pipeline.fail(
      replaceRun(current, info),
      new AgentError('aborted', 'The run was stopped.'),
    )
    flush()
  }

  /** A follow-up or resume run: the last request's tools/context, the thread as it is now. */
  function continueThread(): Promise<AgentSnapshot> {
    if (busy()) return Promise.resolve(publisher.published())
    lastRequest = { ...(lastRequest ?? defaults), messages: current.messages }
    return start(current, lastRequest, true)
  }

  const store: AgentStore = {
    agent,
    getSnapshot: publisher.published,
    subscribe: publisher.subscribe,
    onEvent: (listener: AgentEventListener) => eventListeners.add(listener),
    flush,

    run(runOptions: AgentRunOptions = {}) {
      if (busy()) return Promise.resolve(publisher.published())
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
      if (busy()) return Promise.resolve(publisher.published())
      hitl.userActed()
      // Retry re-sends the last run's request: the thread goes back to the messages that run
      // started from, dropping the partial output of the failed attempt.
      const request = lastRequest ?? defaults
      const snapshot = request.messages ? replaceMessages(current, request.messages) : current
      return start(snapshot, request, true)
    },

    stop() {
      hitl.stop()
      if (detached) return stopDetached(detached)
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

    detach() {
      const run = active
      if (!run || !agent.attach) return
      run.done = true
      active = undefined
      // Our transports read an unsubscribe without an abort as "detach": the run goes on.
      detached = run
      run.subscription?.unsubscribe()
      run.subscription = undefined
      current = replaceRun(current, { ...current.run, detached: true })
      flush()
      run.resolve(current)
    },

    attach(runId = detached?.runId) {
      if (destroyed || active || !agent.attach || runId === undefined) {
        return Promise.resolve(publisher.published())
      }
      const resumeFrom = detached?.runId === runId ? detached : undefined
      detached = undefined
      if (resumeFrom) {
        const { detached: _detached, ...run } = current.run
        current = replaceRun(current, run)
      } else {
        // A run this store never saw (after a reload): replay it from its first event.
        runStart = { messages: current.messages, state: current.state }
        current = beginRun(current, { runId, threadId })
      }
      const lastEventId = resumeFrom?.lastEventId ?? 0
      return stream(
        runId,
        (runOptions) => agent.attach!({ threadId, runId, lastEventId }, runOptions),
        resumeFrom,
      )
    },

    toPersisted() {
      const saved = snapshotToPersisted(current)
      const runId = active?.runId ?? detached?.runId
      if (runId === undefined || !runStart || !agent.attach) return saved
      return {
        ...saved,
        messages: [...runStart.messages],
        state: runStart.state,
        activeRun: { runId },
      }
    },

    ...hitl.api,
    // Regenerate and edit-and-resend (issue 4): cut the thread, then `run` with a user message.
    ...createThreadEdits({
      get: () => current,
      set: (s) => void (current = s),
      busy,
      run: (o) => store.run(o),
    }),

    destroy() {
      store.stop()
      unsubscribeConnection?.()
      flush()
      destroyed = true
      hitl.destroy()
      publisher.close()
      eventListeners.clear()
    },
  }
  return store
}
