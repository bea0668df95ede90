import { AgentError } from '../protocol/AgentError'
import type { AgentEvent, ResumeEntry, Tool } from '../protocol/types'
import type { InterruptView } from '../reducer/AgentSnapshot'
import { replaceInterrupts } from '../reducer/snapshotUpdates'
import type { AgentStore, AgentStoreOptions } from './AgentStore'
import type { createHumanInTheLoop, HitlHost, HumanInTheLoop } from './createHumanInTheLoop'
import { createMemoryPolicyStore } from './createMemoryPolicyStore'
import { createToolRegistry } from './createToolRegistry'
import { hitlNotFoundError } from './hitlNotFoundError'
import { humanInTheLoopChunk } from './preloadStoreHumanInTheLoop'

/** The store methods of the human-in-the-loop layer (`createAgentStore` spreads them). @internal */
export type HumanInTheLoopApi = Pick<
  AgentStore,
  | 'policyStore'
  | 'registerTool'
  | 'getTool'
  | 'subscribeTools'
  | 'approve'
  | 'deny'
  | 'editArgs'
  | 'respondToInterrupt'
  | 'respondToAllInterrupts'
  | 'cancelInterrupt'
  | 'resume'
>

/**
 * Whether a received event (raw, before validation) is one the layer reacts to and so must see:
 * a tool call starts (the kit may owe it an answer), or the run ends with interrupts.
 */
function needsLayer(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false
  const e = event as { type?: unknown; outcome?: { type?: unknown } | null }
  return (
    e.type === 'TOOL_CALL_START' ||
    e.type === 'TOOL_CALL_CHUNK' ||
    (e.type === 'RUN_FINISHED' && e.outcome?.type === 'interrupt')
  )
}

/**
 * The always-present half of the store's human in the loop (issue 7, bundle budget): the tool
 * registry and the policy store, synchronous from the start, and the hooks `createAgentStore`
 * calls, forwarded to the layer {@link createHumanInTheLoop} once it is created. That layer is
 * in its own chunk, loaded on first need (see `preloadStoreHumanInTheLoop`): a tool registered,
 * `initialInterrupts`, or a received event it reacts to ({@link LazyHumanInTheLoop.hold}). If
 * the chunk is already in when the store is created, the layer is created at once.
 *
 * Until something needs it, the thread holds no approval and no interrupt, and every method
 * does what the layer does on such a thread (same results, same `AgentError` codes). Once
 * something needs it but it is still loading: a run waits for it ({@link LazyHumanInTheLoop.pending});
 * the layer's methods are queued and run in order once it is created (those that return an
 * error return `undefined`, and a failure shows on the approval or interrupt, as while the
 * `responseSchema` validator loads); a failed load drops them (logged).
 * @internal
 */
export function createLazyHumanInTheLoop(host: HitlHost, storeOptions: AgentStoreOptions) {
  const registry = createToolRegistry()
  const options = {
    ...storeOptions,
    policyStore: storeOptions.policyStore ?? createMemoryPolicyStore(),
  }
  let layer: HumanInTheLoop | undefined
  /** Something needs the layer (it may be loading, or its load failed: the next need retries). */
  let wanted = false
  let loading: Promise<HumanInTheLoop | undefined> | undefined
  /** Calls made while the layer loads, run in order once it is created. */
  const queued: Array<(layer: HumanInTheLoop) => void> = []

  /**
   * Creates the layer from the thread as it is now (once; not after `destroy()`). Throws
   * AgentError `load_failed` (retryable) when it fails to start (e.g. the policy store's
   * `subscribe` throws): the next need tries again.
   */
  function create(createLayer: typeof createHumanInTheLoop): HumanInTheLoop | undefined {
    if (layer || host.isDestroyed()) return layer
    try {
      layer = createLayer(host, options, registry)
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      throw new AgentError(
        'load_failed',
        `The human-in-the-loop layer failed to start: ${reason}`,
        {
          cause,
          retryable: true,
        },
      )
    }
    // What each registration made before it would have done: re-derive, publish, settle.
    if (registry.all().length > 0) layer.registryChanged()
    for (const call of queued.splice(0)) call(layer)
    return layer
  }

  /**
   * The layer, created now if its chunk is in and something needs it; `undefined` if it failed to
   * start (`load()` then rejects with why).
   */
  function current(): HumanInTheLoop | undefined {
    const loaded = humanInTheLoopChunk.loaded()
    if (!layer && wanted && loaded) {
      try {
        create(loaded)
      } catch {
        // load() reports it: it creates the layer again and rejects with the error.
      }
    }
    return layer
  }

  /** Loads the chunk and creates the layer; rejects with `load_failed` (retryable). */
  function load(): Promise<HumanInTheLoop | undefined> {
    wanted = true
    return (loading ??= humanInTheLoopChunk
      .load()
      .then(create)
      .catch((error: unknown) => {
        loading = undefined
        if (queued.length > 0) {
          console.error(`[agent-wire-react] ${queued.length} human-in-the-loop call(s) dropped.`)
        }
        queued.length = 0
        throw error
      }))
  }

  /** Something outside a run needs the layer: created now, or loaded (a failure is logged). */
  function want(): void {
    wanted = true
    if (current()) return
    load().catch((error: Error) => console.error('[agent-wire-react]', error.message))
  }

  /** `action` on the layer; while it loads, queued (`undefined`); else `unloaded()`. */
  function call<R>(action: (layer: HumanInTheLoop) => R, unloaded: () => R): R | undefined {
    const created = current()
    if (created) return action(created)
    if (!wanted) return unloaded()
    queued.push(action)
    want()
    return undefined
  }

  // A reload: the interrupts are in the thread at once; the layer stages `initialResume` again.
  if (storeOptions.initialInterrupts) {
    host.set(replaceInterrupts(host.get(), storeOptions.initialInterrupts))
  }
  if (storeOptions.initialInterrupts?.length || humanInTheLoopChunk.loaded()) want()
  // A tool registered: the layer (once created, it starts loading a frontend tool's code too).
  registry.subscribe(() => {
    if (!layer) want()
  })

  const nothing = () => undefined
  const api: HumanInTheLoopApi = {
    policyStore: options.policyStore,
    registerTool: registry.register,
    getTool: registry.get,
    subscribeTools: registry.subscribe,
    approve: (id, opts) => void call((l) => l.api.approve(id, opts), nothing),
    deny: (id, reason) => void call((l) => l.api.deny(id, reason), nothing),
    editArgs: (id, args) =>
      call(
        (l) => l.api.editArgs(id, args),
        () => hitlNotFoundError('approval', id),
      ),
    respondToInterrupt: (id, payload) =>
      call(
        (l) => l.api.respondToInterrupt(id, payload),
        () => {
          host.flush()
          return hitlNotFoundError('interrupt', id)
        },
      ),
    respondToAllInterrupts: (payload) =>
      call((l) => l.api.respondToAllInterrupts(payload), nothing),
    cancelInterrupt: (id) => void call((l) => l.api.cancelInterrupt(id), nothing),
    resume() {
      const created = current()
      if (created) return created.api.resume()
      if (wanted) queued.push((l) => l.userActed())
      return host.startAutomatic()
    },
  }

  return {
    api,
    /**
     * `undefined` when a run can start now: the layer is there (created now if its chunk is in)
     * or nothing needs it. Else the load, which rejects with `load_failed`: the run waits for it.
     */
    pending(): Promise<unknown> | undefined {
      if (current() || !wanted || host.isDestroyed()) return undefined
      return load()
    },
    /**
     * `undefined` when the received `event` can be applied now; else the layer's load, which
     * the run's events wait for, in order (the first event the layer reacts to loads it).
     */
    hold(event: unknown): Promise<unknown> | undefined {
      if (layer || host.isDestroyed() || !needsLayer(event)) return undefined
      wanted = true
      return current() ? undefined : load()
    },
    /** `base` tools plus the registered frontend tools (registered ones win by name). */
    tools: (base: readonly Tool[]): Tool[] => layer?.tools(base) ?? [...base],
    toolsPending: () => layer?.toolsPending(),
    onApplied: (events: readonly AgentEvent[]) => layer?.onApplied(events),
    beginRun: (keepAnswers: boolean): ResumeEntry[] | undefined => layer?.beginRun(keepAnswers),
    afterRun: () => layer?.afterRun(),
    settle: () => layer?.settle(),
    validatorPending: (interrupts: readonly InterruptView[]) => layer?.validatorPending(interrupts),
    moveOn: () => void call((l) => l.moveOn(), nothing),
    stop: () => void call((l) => l.stop(), nothing),
    userActed: () => void call((l) => l.userActed(), nothing),
    destroy() {
      queued.length = 0
      if (layer) layer.destroy()
      else registry.clear()
    },
  }
}

/** What {@link createLazyHumanInTheLoop} returns. @internal */
export type LazyHumanInTheLoop = ReturnType<typeof createLazyHumanInTheLoop>
