import type { Message, RunAgentInput, ToolMessage } from '../../../src/core/protocol/types'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import type { AgentStore } from '../../../src/core/store'
import { createScriptedAgent, type ScriptEvent, type ScriptStep } from '../../../src/testing'

/**
 * Resolves with the published snapshot once `predicate` holds (checked now, after every
 * publication, and every 5 ms for conditions on things other than the snapshot). Rejects after `limitMs` with the last snapshot's run status, so a broken flow
 * fails with a message instead of hanging the suite; not a timing assertion.
 */
export function until(
  store: AgentStore,
  predicate: (snapshot: AgentSnapshot) => boolean,
  limitMs = 5_000,
): Promise<AgentSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = store.getSnapshot()
      if (!predicate(s)) return false
      cleanup()
      resolve(s)
      return true
    }
    const timer = setTimeout(() => {
      cleanup()
      const s = store.getSnapshot()
      reject(
        new Error(
          `until(): condition not met; run ${s.run.status}, approvals ` +
            JSON.stringify(Object.values(s.approvals).map((a) => [a.toolCallId, a.state])) +
            `, interrupts ${JSON.stringify(s.interrupts.map((i) => [i.id, i.state]))}`,
        ),
      )
    }, limitMs)
    const unsubscribe = store.subscribe(check)
    const poll = setInterval(check, 5)
    const cleanup = () => {
      clearTimeout(timer)
      clearInterval(poll)
      unsubscribe()
    }
    check()
  })
}

/** The store is idle: no run running and no follow-up pending in this tick. */
export async function settled(store: AgentStore): Promise<AgentSnapshot> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
  return until(store, (s) => s.run.status !== 'running')
}

/** TOOL_CALL_START/ARGS/END of one call (owner message `parent`, default `a-<id>`). */
export function toolCall(
  toolCallId: string,
  toolCallName: string,
  args: string,
  parent = `a-${toolCallId}`,
): ScriptEvent[] {
  return [
    { type: 'TOOL_CALL_START', toolCallId, toolCallName, parentMessageId: parent },
    { type: 'TOOL_CALL_ARGS', toolCallId, delta: args },
    { type: 'TOOL_CALL_END', toolCallId },
  ]
}

/** A whole run for `input`: RUN_STARTED, `steps`, RUN_FINISHED (with `outcome` if given). */
export function runOf(input: RunAgentInput, steps: ScriptStep[], outcome?: unknown): ScriptStep[] {
  return [
    { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
    ...steps,
    {
      type: 'RUN_FINISHED',
      threadId: input.threadId,
      runId: input.runId,
      ...(outcome !== undefined && { outcome }),
    },
  ]
}

/** A run answering with one text message. */
export const textReply = (input: RunAgentInput, text = 'ok') =>
  runOf(input, [
    { type: 'TEXT_MESSAGE_START', messageId: `m-${input.runId}`, role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: `m-${input.runId}`, delta: text },
    { type: 'TEXT_MESSAGE_END', messageId: `m-${input.runId}` },
  ])

/** A scripted agent playing `runs[i]` for the i-th run and a text reply after the last. */
export function agentOf(...runs: Array<(input: RunAgentInput) => ScriptStep[]>) {
  return createScriptedAgent((input, index) => (runs[index] ?? textReply)(input))
}

/** Tool messages of a RunAgentInput or snapshot. */
export const toolMessages = (x: { messages: readonly Message[] }) =>
  x.messages.filter((m): m is ToolMessage => m.role === 'tool')
