import { AgentError } from '../protocol/AgentError'
import type { AgentEvent, ResumeEntry, Tool } from '../protocol/types'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import { addDiagnostic, replaceInterrupts, replaceRun } from '../reducer/snapshotUpdates'
import type { AgentStoreOptions } from './AgentStore'
import type { ApprovalPolicyStore } from './ApprovalPolicyStore'
import { createApprovalDeriver } from './createApprovalDeriver'
import { createInterruptActions, type InterruptActions } from './createInterruptActions'
import { createToolDelivery, type ToolDelivery } from './createToolDelivery'
import type { ToolRegistry } from './createToolRegistry'
import type { CallRecord } from './deriveApprovals'
import {
  expireDue,
  isAwaitingPerson,
  isOutstanding,
  nextExpiry,
  restageAnswers,
} from './interruptUpdates'
import { frontendToolsPending, loadedFrontendTools } from './preloadFrontendTools'
import { payloadValidatorPending } from './validatePayload'
import type { ToolDefinition } from './ToolDefinition'

/** What the human-in-the-loop controller needs from the store. @internal */
export interface HitlHost {
  get(): AgentSnapshot
  set(snapshot: AgentSnapshot): void
  /** Publishes now. */
  flush(): void
  /** True while a run streams or is detached, or after `destroy()`. */
  busy(): boolean
  isDestroyed(): boolean
  /** Starts a run from the thread as it is now (a follow-up or a resume). */
  startAutomatic(): Promise<AgentSnapshot>
}

/** The resolved HITL options of a store. @internal */
export interface HitlOptions {
  policyStore: ApprovalPolicyStore
  autoFollowUp: boolean
  maxFollowUps: number
  autoResume: boolean
  now: () => number
}

/** Shared mutable state of the controller and its helpers. @internal */
export interface HitlState {
  host: HitlHost
  options: HitlOptions
  records: Map<string, CallRecord>
  record(id: string): CallRecord
  getTool(name: string): ToolDefinition | undefined
  /** Re-derives approvals (voids stale decisions, expires interrupts, applies the policy). */
  refresh(): void
  /** refresh + publish + settle: after every person's action. */
  update(): void
  /** A person acted: the follow-up counter and a stop's suspension reset. */
  userActed(): void
}

/**
 * The human-in-the-loop half of the agent store (issue 3): approvals, frontend tool execution,
 * follow-up runs and interrupts, over the store's tool `registry`. It is in its own chunk:
 * `createLazyHumanInTheLoop` (what `createAgentStore` calls at the run lifecycle's points and
 * spreads `api` of into the store) creates it on first need, from the thread as it is then:
 * `storeOptions.initialInterrupts` are already in the thread; `initialResume` is staged here.
 * @internal
 */
export function createHumanInTheLoop(
  host: HitlHost,
  storeOptions: AgentStoreOptions & { policyStore: ApprovalPolicyStore },
  registry: ToolRegistry,
) {
  const options: HitlOptions = {
    policyStore: storeOptions.policyStore,
    autoFollowUp: storeOptions.autoFollowUp ?? true,
    maxFollowUps: storeOptions.maxFollowUps ?? 5,
    autoResume: storeOptions.autoResume ?? true,
    now: storeOptions.now ?? Date.now,
  }
  const records = new Map<string, CallRecord>()
  let followUps = 0
  let suspended = false
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let settleQueued = false

  const deriver = createApprovalDeriver(records, registry)
  const record = (id: string) => {
    let r = records.get(id)
    if (!r) records.set(id, (r = {}))
    return r
  }

  function scheduleExpiry(s: AgentSnapshot): void {
    clearTimeout(expiryTimer)
    expiryTimer = undefined
    const at = nextExpiry(s.interrupts)
    if (at === undefined || host.isDestroyed()) return
    const delay = Math.min(Math.max(0, at - options.now()), 2 ** 31 - 1)
    expiryTimer = setTimeout(() => {
      refresh()
      host.flush()
    }, delay)
    // Node (SSR, tests): an expiry alone does not keep the process alive.
    ;(expiryTimer as { unref?: () => void }).unref?.()
  }

  function refresh(): void {
    let s = host.get()
    s = replaceInterrupts(s, expireDue(s.interrupts, options.now()))
    void payloadValidatorPending(s.interrupts) // loads the responseSchema validator on first need
    s = deriver.derive(deriver.voidStaleDecisions(s))
    host.set(s)
    let decided = false
    for (const a of Object.values(s.approvals)) {
      if (a.state === 'pending' && options.policyStore.isAllowed(a.toolName)) {
        decided = interrupts.decide(a, { type: 'approved' }, 'policy') === undefined || decided
      }
    }
    if (decided) host.set(deriver.derive(host.get()))
    scheduleExpiry(host.get())
  }

  function settle(): void {
    if (host.busy() || suspended) return
    if (!delivery.deliverDue()) return
    const s = host.get()
    const outstanding = s.interrupts.filter(isOutstanding)
    if (outstanding.some(isAwaitingPerson)) return
    if (outstanding.length > 0) {
      if (options.autoResume) void host.startAutomatic()
      return
    }
    if (!delivery.followUpDue || !options.autoFollowUp) return
    if (followUps >= options.maxFollowUps) {
      const error = new AgentError(
        'limit_exceeded',
        `Stopped after ${options.maxFollowUps} automatic follow-up runs in a row (maxFollowUps); ` +
          'send a message or call retry() to continue.',
      )
      delivery.followUpDue = false
      const next = addDiagnostic(s, {
        level: 'warning',
        code: 'follow_up_limit',
        message: error.message,
      })
      host.set(replaceRun(next, { ...next.run, status: 'error', error }))
      host.flush()
      return
    }
    followUps++
    void host.startAutomatic()
  }

  function queueSettle(): void {
    if (settleQueued) return
    settleQueued = true
    queueMicrotask(() => {
      settleQueued = false
      settle()
    })
  }

  const state: HitlState = {
    host,
    options,
    records,
    record,
    getTool: registry.get,
    refresh,
    update() {
      refresh()
      host.flush()
      settle()
    },
    userActed() {
      followUps = 0
      suspended = false
    },
  }
  const delivery: ToolDelivery = createToolDelivery(state)
  const interrupts: InterruptActions = createInterruptActions(state)

  const toolsPending = () => frontendToolsPending(registry.all)
  const onRegistryChange = () => {
    // A frontend tool: load its code (and a zod/mini schema's converter) now, before a run needs it.
    toolsPending()?.catch((error: Error) => console.error('[agent-wire-react]', error.message))
    refresh()
    host.flush()
    queueSettle() // after StrictMode's unregister/register pair, not between
  }
  // The policy store first: if its `subscribe` throws, nothing of this layer stays subscribed.
  const unsubscribePolicy = options.policyStore.subscribe?.(onRegistryChange)
  const unsubscribeRegistry = registry.subscribe(onRegistryChange)
  // A reload: stage the saved answers again, rebuild approvals and expiry from the thread.
  if (storeOptions.initialInterrupts && storeOptions.initialResume) {
    const list = host.get().interrupts
    const restaged = restageAnswers(list, storeOptions.initialResume, options.now())
    host.set(replaceInterrupts(host.get(), restaged))
  }
  refresh()

  return {
    /** The store's HITL methods but the registry's (see `createLazyHumanInTheLoop`). */
    api: {
      resume() {
        state.userActed()
        return host.startAutomatic()
      },
      ...interrupts.api,
    },
    /** `base` tools plus the registered frontend tools (registered ones win by name). */
    tools: (base: readonly Tool[]) =>
      loadedFrontendTools()?.mergeTools(base, registry.all()) ?? [...base],
    /** Set while `tools` cannot give the registered tools yet: a run waits for it. */
    toolsPending,
    /** What a registry change does (the lazy layer calls it for registrations made before it). */
    registryChanged: onRegistryChange,
    /** Set while answers to outstanding `interrupts` cannot be validated yet (see validatePayload). */
    validatorPending: payloadValidatorPending,
    /** Applied events of the running run: re-derive when a tool call or the run changed. */
    onApplied(events: readonly AgentEvent[]) {
      let relevant = false
      for (const e of events) {
        if (e.type === 'TEXT_MESSAGE_CONTENT') continue // most events (tokens): nothing to do
        if (e.type === 'TOOL_CALL_START' || e.type === 'TOOL_CALL_CHUNK') {
          if (e.toolCallId !== undefined) delivery.owe(e.toolCallId)
          relevant = true
        } else if (e.type === 'TOOL_CALL_ARGS') {
          relevant ||= host.get().approvals[e.toolCallId] !== undefined
        } else if (e.type === 'RUN_FINISHED') {
          interrupts.closeSent(true) // the resume run answered the interrupts it carried
          relevant = true
        } else if (e.type === 'RUN_ERROR') {
          interrupts.closeSent(false, host.get().run.error) // before the status change is published
          relevant = true
        } else if (
          e.type === 'TOOL_CALL_END' ||
          e.type === 'TOOL_CALL_RESULT' ||
          e.type === 'MESSAGES_SNAPSHOT'
        ) {
          relevant = true
        }
      }
      if (relevant) refresh()
    },
    /**
     * A run starts: takes `resume[]` for every outstanding interrupt (`keepAnswers`: re-send
     * answers kept after a rejected resume; else only staged ones, the rest `cancelled`).
     */
    beginRun(keepAnswers: boolean): ResumeEntry[] | undefined {
      delivery.followUpDue = false
      const taken = interrupts.take(keepAnswers)
      refresh()
      return taken.length ? taken : undefined
    },
    /** A run ended (any way): a resume that did not reach RUN_FINISHED is rejected; re-derive. */
    afterRun() {
      const run = host.get().run
      const reachedEnd =
        run.status === 'finished' ||
        run.status === 'interrupted' ||
        (run.status === 'cancelled' && !run.error)
      if (!reachedEnd) interrupts.closeSent(false, run.error)
      // Stopped, failed or cut: nothing automatic (handlers, follow-ups) until a person acts.
      if (!reachedEnd) suspended = true
      refresh()
    },
    settle,
    /** Before a new user message: answer what is still owed with `cancelled`, abort handlers. */
    moveOn() {
      delivery.cancelOutstanding('The user sent a new message.')
      followUps = 0
      suspended = false
      refresh()
    },
    /** `stop()`: abort running handlers; nothing automatic until a person acts. */
    stop() {
      suspended = true
      delivery.abortAll(new AgentError('aborted', 'Stopped by the user.'))
    },
    refresh,
    /** A person started a run (retry, run without message): counters and suspension reset. */
    userActed: () => state.userActed(),
    destroy() {
      clearTimeout(expiryTimer)
      delivery.abortAll(new AgentError('aborted', 'The store was destroyed.'))
      unsubscribeRegistry()
      unsubscribePolicy?.()
      registry.clear()
    },
  }
}

/** The controller {@link createHumanInTheLoop} returns. @internal */
export type HumanInTheLoop = ReturnType<typeof createHumanInTheLoop>
