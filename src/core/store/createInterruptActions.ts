import { AgentError } from '../protocol/AgentError'
import type { ResumeEntry } from '../protocol/types'
import type { ApprovalDecision, InterruptView, ToolApproval } from '../reducer/AgentSnapshot'
import { replaceInterrupts } from '../reducer/snapshotUpdates'
import type { HitlState } from './createHumanInTheLoop'
import { decisionFromPayload, decisionPayload } from './decisionPayload'
import { forgetDecision } from './deriveApprovals'
import { hashArgs } from './hashArgs'
import { hitlNotFoundError } from './hitlNotFoundError'
import { rejectSent, stageAnswer, stageCancel, takeResume } from './interruptUpdates'
import { validateArgs } from './validateArgs'
import { payloadValidatorPending } from './validatePayload'

/**
 * Decisions and interrupt answers of the human-in-the-loop controller (issue 3): `decide`
 * binds a decision to the call's arguments hash (and stages the interrupt answer for a gated
 * call); the rest implement the store's interrupt methods.
 * @internal
 */
export function createInterruptActions(state: HitlState) {
  const { host, options } = state

  /**
   * True while the `responseSchema` validator of the interrupts `ids` (default: all) is loading
   * (its chunk is fetched on first need): `again` runs once it is loaded. An answer given in that
   * moment is judged then (the interrupt stays `open` until then; a failure shows on its `error`).
   */
  function validatorLoading(ids: ReadonlyArray<string | undefined> | undefined, again: () => void) {
    const list = host.get().interrupts
    const loading = payloadValidatorPending(ids ? list.filter((i) => ids.includes(i.id)) : list)
    if (loading) void loading.then(again)
    return loading !== undefined
  }

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
    const again = () => {
      const current = host.get().approvals[approval.toolCallId]
      if (current?.state !== 'pending') return
      decide(current, d, by, true)
      state.update()
    }
    if (!retried && validatorLoading([approval.interruptId], again)) return undefined
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
    if (!approval) return hitlNotFoundError('approval', toolCallId)
    if (approval.state !== 'pending') {
      return new AgentError(
        'not_found',
        `Tool call '${toolCallId}' has no pending approval (it is ${approval.state}).`,
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
    return decideByUser(approval, { type: 'edited', args: value })
  }

  /** A person's decision on a `pending` approval (`always`: the policy allows its tool from now). */
  function decideByUser(
    approval: ToolApproval,
    d: Pick<ApprovalDecision, 'type' | 'reason' | 'args'>,
    always?: boolean,
  ): AgentError | undefined {
    if (always) options.policyStore.allow(approval.toolName)
    state.userActed()
    const error = decide(approval, d, 'user')
    state.update()
    return error
  }

  /** The `pending` approval of `toolCallId`, if any (a second approve or deny sends nothing). */
  function pending(toolCallId: string): ToolApproval | undefined {
    const a = host.get().approvals[toolCallId]
    return a?.state === 'pending' ? a : undefined
  }

  function approve(toolCallId: string, opts?: { always?: boolean }): void {
    const a = pending(toolCallId)
    if (a) decideByUser(a, { type: 'approved' }, opts?.always)
  }

  function deny(toolCallId: string, reason?: string): void {
    const a = pending(toolCallId)
    if (a) decideByUser(a, { type: 'denied', ...(reason !== undefined && { reason }) })
  }

  function respond(id: string, payload: unknown, retried = false): AgentError | undefined {
    if (!retried && validatorLoading([id], () => void respond(id, payload, true))) return undefined
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
    if (!retried && validatorLoading(undefined, () => void respondAll(payload, true))) {
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
        forgetDecision(rec)
      }
    }
    sent.clear()
  }

  return {
    decide,
    take,
    closeSent,
    /** The store's methods. */
    api: {
      approve,
      deny,
      editArgs,
      respondToInterrupt: respond,
      respondToAllInterrupts: respondAll,
      cancelInterrupt: cancel,
    },
  }
}

/** What {@link createInterruptActions} returns. @internal */
export type InterruptActions = ReturnType<typeof createInterruptActions>
