import { PROTOCOL_VERSION } from '../protocol/types'
import type { AgentEvent, ResumeEntry, RunAgentInput } from '../protocol/types'
import {
  appendMessage,
  createSnapshot,
  replaceConnection,
  replaceMessages,
  replaceState,
} from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { RunOptions } from '../transport/Agent'
import type {
  AgentEventListener,
  AgentRunOptions,
  AgentStore,
  AgentStoreOptions,
} from './AgentStore'
import type { HitlHost } from './createHumanInTheLoop'
import { createLazyHumanInTheLoop } from './createLazyHumanInTheLoop'
import { createListenerSet } from './createListenerSet'
import { createPublisher } from './createPublisher'
import { createRunLifecycle, type RunLifecycleHost } from './createRunLifecycle'
import { createThreadEdits, type ThreadEditsHost } from './createThreadEdits'
import { defaultScheduler } from './defaultScheduler'
import { deferUntil } from './deferUntil'
import type { RunRequest } from './RunRequest'
import { toUserMessage } from './toUserMessage'

/**
 * Creates the {@link AgentStore} of one thread: it owns the thread's {@link AgentSnapshot},
 * runs `options.agent` (any {@link Agent}, including `@ag-ui/client` agents), and publishes
 * at most once per frame while events stream (see {@link AgentStore} for the rules).
 *
 * Creating a store has no side effect: nothing connects or runs until `run()`.
 * Agents that do not set `validatesEvents` have each event validated at the store's edge
 * (`createEventPipeline({ parser })`, design.md rule 2); the validator's chunk loads with the
 * first such run, whose events wait for it (see `preloadProtocol`; a failed load ends the run
 * with `load_failed`).
 * The human-in-the-loop layer (approvals, frontend-tool delivery, follow-ups, interrupt answers)
 * is a chunk too, loaded on first need: a tool registered, `initialInterrupts`, or a run's first
 * `TOOL_CALL_START` / `TOOL_CALL_CHUNK` or interrupt outcome, whose events from then on wait for
 * it in order (see `preloadStoreHumanInTheLoop` and {@link AgentStore}, "Human in the loop").
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
  /** Busy: a run streams, or one goes on at the server detached (issue 6). */
  const busy = () => destroyed || runs.running()
  let lastRequest: RunRequest | undefined
  /** The agent state each user message was sent with (thread edits go back to it). */
  const statesSent = new Map<string, unknown>()
  const eventListeners = createListenerSet<[AgentEvent, AgentSnapshot]>('onEvent')
  /** What the run lifecycle, the human-in-the-loop controller and the thread edits share. */
  const host: RunLifecycleHost & HitlHost & ThreadEditsHost = {
    agent,
    threadId,
    ...(options.maxProtocolVersion !== undefined && {
      maxProtocolVersion: options.maxProtocolVersion,
    }),
    get: () => current,
    set: (snapshot) => void (current = snapshot),
    flush: () => flush(),
    schedule: () => publisher.schedule(),
    hold: (event) => hitl.hold(event),
    applied(events) {
      hitl.onApplied(events)
      for (const e of events) if (eventListeners.size > 0) eventListeners.emit(e, current)
    },
    finish: (run) => runs.finish(run),
    busy,
    isDestroyed: () => destroyed,
    startAutomatic: continueThread,
    run: (o) => store.run(o),
    statesSent,
  }
  // Human in the loop (issue 3): tools, approvals, follow-ups, interrupts (a reload restores them);
  // its layer loads on first need (issue 7).
  const hitl = createLazyHumanInTheLoop(host, options)
  // Connection state (issue 6), mirrored from agents that report one.
  if (agent.getConnectionState) current = replaceConnection(current, agent.getConnectionState())
  const unsubscribeConnection = agent.subscribeConnection?.((connection) => {
    current = replaceConnection(current, connection)
    if (!destroyed) flush()
  })
  // Created last, so the first published snapshot includes the restored approvals/connection.
  const publisher = createPublisher(() => current, scheduler)
  const { flush } = publisher
  const runs = createRunLifecycle(host, hitl, publisher)

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
    // The human-in-the-loop layer is needed but still loading: the run starts once it is in.
    const layerLoading = hitl.pending()
    const resume = layerLoading ? undefined : hitl.beginRun(keepAnswers)
    snapshot = current
    const send = (resume: ResumeEntry[] | undefined, runOptions: RunOptions) => {
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
      // A zod/mini tool schema whose converter is still loading: send the tools once it is.
      const pending = hitl.toolsPending()
      return pending
        ? deferUntil(pending, () =>
            agent.run({ ...input, tools: hitl.tools(request.tools) }, runOptions),
          )
        : agent.run(input, runOptions)
    }
    runs.begin(runId)
    return runs.stream(runId, (runOptions) =>
      layerLoading
        ? deferUntil(layerLoading, () => send(hitl.beginRun(keepAnswers), runOptions))
        : send(resume, runOptions),
    )
  }

  /** What a call that starts nothing (busy, destroyed) resolves with. */
  const unchanged = () => Promise.resolve(publisher.published())

  /** A follow-up or resume run: the last request's tools/context, the thread as it is now. */
  function continueThread(): Promise<AgentSnapshot> {
    if (busy()) return unchanged()
    lastRequest = {
      ...(lastRequest ?? defaults),
      messages: current.messages,
      state: current.state,
    }
    return start(current, lastRequest, true)
  }

  const store: AgentStore = {
    agent,
    scheduler,
    getSnapshot: publisher.published,
    subscribe: publisher.subscribe,
    onEvent: (listener: AgentEventListener) => eventListeners.add(listener),
    flush,

    run(runOptions: AgentRunOptions = {}) {
      if (busy()) return unchanged()
      // A new user message moves on: owed tool calls get a `cancelled` result first.
      if (runOptions.message !== undefined) hitl.moveOn()
      else hitl.userActed()
      let snapshot = current
      if ('state' in runOptions) snapshot = replaceState(snapshot, runOptions.state)
      if (runOptions.message !== undefined) {
        const message = toUserMessage(runOptions.message)
        statesSent.set(message.id, snapshot.state)
        snapshot = appendMessage(snapshot, message)
      }
      lastRequest = {
        messages: snapshot.messages,
        state: snapshot.state,
        tools: runOptions.tools ?? defaults.tools,
        context: runOptions.context ?? defaults.context,
        forwardedProps: runOptions.forwardedProps ?? defaults.forwardedProps,
      }
      return start(snapshot, lastRequest, runOptions.message === undefined)
    },

    retry() {
      if (busy()) return unchanged()
      hitl.userActed()
      // Retry re-sends the last run's request: the thread goes back to the messages and state
      // that run started from, dropping the partial output of the failed attempt.
      const request = lastRequest ?? defaults
      const snapshot = request.messages
        ? replaceState(replaceMessages(current, request.messages), request.state)
        : current
      return start(snapshot, request, true)
    },

    stop() {
      hitl.stop()
      runs.stop()
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

    detach: runs.detach,
    attach: runs.attach,
    toPersisted: runs.toPersisted,
    ...hitl.api,
    // Regenerate and edit-and-resend (issue 4): cut the thread, then `run` with a user message.
    ...createThreadEdits(host),

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
