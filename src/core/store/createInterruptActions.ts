import { AgentError } from '../protocol/AgentError'
import type { ResumeEntry } from '../protocol/types'
import type { ApprovalDecision, InterruptView, ToolApproval } from '../reducer/AgentSnapshot'
import { replaceInterrupts } from '../reducer/snapshotUpdates'
import type { HitlState } from './createHumanInTheLoop'
import { hashArgs } from './hashArgs'
import { rejectSent, stageAnswer, stageCancel, takeResume } from './interruptUpdates'
import { validateArgs } from './validateArgs'
import { payloadValidatorPending } from './validatePayload'

/** The decision as sent: a tool-approval interrupt's payload, or a backend tool's tool message. */
export function decisionPayload(decision: ApprovalDecision): Record<string, unknown> {
  if (decision.type === 'denied') {
    return { approved: false, ...(decision.reason !== undefined && { reason: decision.reason }) }
  }
  return { approved: true, ...(decision.type === 'edited' && { editedArgs: decision.args }) }
}

/** A decision read back from a tool-approval interrupt's payload (answered without approve()). */
function decisionFromPayload(payload: unknown): Pick<ApprovalDecision, 'type' | 'reason' | 'args'> {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >
  if (p.approved === false) {
    return { type: 'denied', ...(typeof p.reason === 'string' && { reason: p.reason }) }
  }
  return p.editedArgs !== undefined ? { type: 'edited', args: p.editedArgs } : { type: 'approved' }
}

/**
 * Decisions and interrupt answers of the human-in-the-loop controller (issue 3): `decide`
 * binds a decision to the call's arguments hash (and stages the interrupt answer for a gated
 * call); the rest implement the store's interrupt methods.
 * @internal
 */
export function createInterruptActions(state: HitlState) {
  const { host, options } = state

  /**
   * While the `responseSchema` validator of the interrupts `ids` is loading (its chunk is fetched
   * on first need): the promise of its load. An answer given in that moment is judged once it is
   * loaded (the interrupt stays `open` until then; a failure shows on its `error`).
   */
  const validatorLoading = (ids: ReadonlyArray<string | undefined>) =>
    payloadValidatorPending(host.get().interrupts.filter((i) => ids.includes(i.id)))

  function bind(
    toolCallId: string,
    toolName: string,
    decision: ApprovalDecision,
    interruptId?: string,
  ) {
    const rec = state.record(toolCallId)
    rec.decision = decision
    rec.callArgsHash = hashArgs(host.get().toolCalls[toolCallId]?.args ?? '')
    rec.kind = state.getTool(toolName)?.handler ? 'frontend' : 'backend'
    if (interruptId !== undefined) rec.viaInterrupt = interruptId
    delete rec.error
  }

  /** Links an answer given straight to a tool-approval interrupt to its call's approval. */
  function link(view: InterruptView | undefined, payload: unknown) {
    const id = view?.toolCallId
    if (!view || view.reason !== 'tool_call' || id === undefined) return
    const call = host.get().toolCalls[id]
    if (!call) return
    const d = decisionFromPayload(payload)
    bind(
      id,
      call.name,
      {
        ...d,
        argsHash: hashArgs(d.type === 'edited' ? d.args : call.args),
        decidedAt: options.now(),
        by: 'user',
      },
      view.id,
    )
  }

  function decide(
    approval: ToolApproval,
    d: Pick<ApprovalDecision, 'type' | 'reason' | 'args'>,
    by: 'user' | 'policy',
    retried = false,
  ): AgentError | undefined {
    const loading = retried ? undefined : validatorLoading([approval.interruptId])
    if (loading) {
      void loading.then(() => {
        const current = host.get().approvals[approval.toolCallId]
        if (current?.state !== 'pending') return
        decide(current, d, by, true)
        state.update()
      })
      return undefined
    }
    const decision: ApprovalDecision = {
      ...d,
      argsHash: hashArgs(d.type === 'edited' ? d.args : approval.args),
      decidedAt: options.now(),
      by,
    }
    if (approval.interruptId !== undefined) {
      const s = host.get()
      const staged = stageAnswer(
        s.interrupts,
        approval.interruptId,
        decisionPayload(decision),
        options.now(),
      )
      host.set(replaceInterrupts(s, staged.list))
      if (staged.error) return staged.error
    }
    bind(approval.toolCallId, approval.toolName, decision, approval.interruptId)
    return undefined
  }

  function editArgs(toolCallId: string, args: unknown): AgentError | undefined {
    const approval = host.get().approvals[toolCallId]
    if (!approval || approval.state !== 'pending') {
      return new AgentError(
        'not_found',
        approval
          ? `Tool call '${toolCallId}' has no pending approval (it is ${approval.state}).`
          : `No approval for tool call '${toolCallId}' in this thread.`,
      )
    }
    const schema = state.getTool(approval.toolName)?.parameters
    const checked = validateArgs(approval.toolName, schema, args)
    let error: AgentError | undefined
    let value: unknown
    if (checked instanceof Promise) {
      error = new AgentError(
        'invalid_args',
        `The schema of '${approval.toolName}' validates asynchronously; edits need a synchronous schema.`,
      )
    } else if (!checked.ok) error = checked.error
    else {
      value = checked.value
      try {
        JSON.stringify(value)
      } catch (cause) {
        error = new AgentError('invalid_args', `Edited arguments are not JSON: ${String(cause)}`)
      }
    }
    if (error) {
      state.record(toolCallId).error = error
      state.refresh()
      host.flush()
      return error
    }
    state.userActed()
    error = decide(approval, { type: 'edited', args: value }, 'user')
    state.update()
    return error
  }

  function respond(id: string, payload: unknown, retried = false): AgentError | undefined {
    const loading = retried ? undefined : validatorLoading([id])
    if (loading) {
      void loading.then(() => void respond(id, payload, true))
      return undefined
    }
    const s = host.get()
    const { list, error } = stageAnswer(s.interrupts, id, payload, options.now())
    host.set(replaceInterrupts(s, list))
    if (!error) {
      state.userActed()
      link(
        list.find((i) => i.id === id),
        payload,
      )
    }
    state.update()
    return error
  }

  function respondAll(payload: unknown, retried = false): AgentError | undefined {
    const loading = retried ? undefined : validatorLoading(host.get().interrupts.map((i) => i.id))
    if (loading) {
      void loading.then(() => void respondAll(payload, true))
      return undefined
    }
    const s = host.get()
    const now = options.now()
    let list = s.interrupts
    const answered: Array<[InterruptView, unknown]> = []
    for (const view of s.interrupts) {
      if (view.state !== 'open' || (view.expiresAtMs !== undefined && now >= view.expiresAtMs))
        continue
      const p =
        typeof payload === 'function' ? (payload as (i: InterruptView) => unknown)(view) : payload
      const staged = stageAnswer(list, view.id, p, now)
      if (staged.error) return staged.error // all or nothing: nothing staged
      list = staged.list
      answered.push([view, p])
    }
    if (answered.length === 0) return undefined
    host.set(replaceInterrupts(s, list))
    state.userActed()
    for (const [view, p] of answered) link(view, p)
    state.update()
    return undefined
  }

  function cancel(id: string): void {
    const s = host.get()
    const list = stageCancel(s.interrupts, id)
    if (list === s.interrupts) return
    host.set(replaceInterrupts(s, list))
    state.userActed()
    state.update()
  }

  /** interruptId → the gated call and status of each entry the running resume run carries. */
  const sent = new Map<string, { toolCallId?: string; status: ResumeEntry['status'] }>()

  /**
   * Takes the `resume[]` of a starting run (see `takeResume`); calls gated by the sent
   * interrupts are `executing` until the run ends.
   */
  function take(keepAnswers: boolean): ResumeEntry[] {
    const s = host.get()
    const { resume, list } = takeResume(s.interrupts, keepAnswers)
    if (resume.length) host.set(replaceInterrupts(s, list))
    for (const entry of resume) {
      const view = s.interrupts.find((i) => i.id === entry.interruptId)
      sent.set(entry.interruptId, { toolCallId: view?.toolCallId, status: entry.status })
      if (view?.toolCallId === undefined) continue
      const rec = state.record(view.toolCallId)
      rec.phase = 'executing'
      rec.viaInterrupt = view.id
    }
    return resume
  }

  /**
   * The run that carried `resume[]` ended: with its RUN_FINISHED (`answered`), the gated calls
   * are resolved (or cancelled); otherwise the interrupts are open again with `resume_rejected`
   * (answers kept) and the calls wait for a new decision.
   */
  function closeSent(answered: boolean, reason?: AgentError): void {
    if (sent.size === 0) return
    if (!answered) {
      const s = host.get()
      host.set(replaceInterrupts(s, rejectSent(s.interrupts, reason)))
    }
    for (const { toolCallId, status } of sent.values()) {
      const rec = toolCallId === undefined ? undefined : state.records.get(toolCallId)
      if (!rec) continue
      if (answered) rec.phase = status === 'cancelled' ? 'cancelled' : 'resolved'
      else {
        delete rec.phase
        delete rec.decision
        delete rec.viaInterrupt
        delete rec.callArgsHash
      }
    }
    sent.clear()
  }

  return { decide, editArgs, respond, respondAll, cancel, take, closeSent }
}

/** What {@link createInterruptActions} returns. @internal */
export type InterruptActions = ReturnType<typeof createInterruptActions>
