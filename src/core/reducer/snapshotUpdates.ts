import type { Diagnostic } from '../protocol/Diagnostic'
import type { AssistantMessage, Interrupt, Message, ToolMessage } from '../protocol/types'
import type { AgentSnapshot, InterruptView, RunInfo, ToolApproval } from './AgentSnapshot'
import { MessageList } from './MessageList'
import { indexToolCalls } from './indexToolCalls'
import { toSnapshot } from './Snapshot'
import { toInterruptView } from './toInterruptView'

/**
 * Adds a message the client itself authored (a user message, a frontend tool result) at the end
 * of the thread, or replaces the message with the same `id` in place.
 */
export function appendMessage(snapshot: AgentSnapshot, message: Message): AgentSnapshot {
  const s = toSnapshot(snapshot)
  const i = s.list.indexOf(message.id)
  const list = i >= 0 ? s.list.set(i, message) : s.list.push(message)
  const added = indexToolCalls([message])
  let calls = s.calls
  if (message.role === 'tool' && calls[message.toolCallId]) {
    calls = {
      ...calls,
      [message.toolCallId]: {
        ...calls[message.toolCallId],
        ended: true,
        resultMessageId: message.id,
      },
    }
  } else if (Object.keys(added).length) {
    calls = { ...calls, ...added }
  }
  return s.with({ list, calls })
}

/** Replaces the agent state (a client-side `setState`). Same snapshot if `state` is identical. */
export function replaceState(snapshot: AgentSnapshot, state: unknown): AgentSnapshot {
  if (Object.is(snapshot.state, state)) return snapshot
  return toSnapshot(snapshot).with({ state })
}

/**
 * Marks a run as requested (status `running`) before its `RUN_STARTED` arrives, so a UI shows
 * progress at once. Clears the previous run's error and outcome.
 */
export function beginRun(
  snapshot: AgentSnapshot,
  run: { runId: string; threadId: string },
): AgentSnapshot {
  const s = toSnapshot(snapshot)
  return s.with({
    threadId: s.threadId || run.threadId,
    run: { status: 'running', runId: run.runId, threadId: run.threadId, pendingToolCallIds: [] },
  })
}

/** The message with this id, or `undefined`. O(1) (verified index), whatever the thread length. */
export function getMessage(snapshot: AgentSnapshot, id: string): Message | undefined {
  return toSnapshot(snapshot).list.get(id)
}

/** Records a diagnostic a transport reported (at most 100 kept, oldest dropped). */
export function addDiagnostic(snapshot: AgentSnapshot, diagnostic: Diagnostic): AgentSnapshot {
  return toSnapshot(snapshot).withDiagnostic(diagnostic)
}

/** Replaces the whole thread with `messages` (e.g. to go back to an earlier point). O(n). */
export function replaceMessages(
  snapshot: AgentSnapshot,
  messages: readonly Message[],
): AgentSnapshot {
  return toSnapshot(snapshot).with({
    list: MessageList.from(messages),
    calls: indexToolCalls(messages),
    streamingMessageIds: [],
  })
}

/**
 * Replaces the thread's interrupts (the store's answers, cancellations, expiry, or interrupts
 * restored after a reload). Plain `Interrupt`s become `open` views. Same snapshot if identical.
 */
export function replaceInterrupts(
  snapshot: AgentSnapshot,
  interrupts: readonly (Interrupt | InterruptView)[],
): AgentSnapshot {
  if (interrupts === snapshot.interrupts) return snapshot
  return toSnapshot(snapshot).with({ interrupts: interrupts.map(toInterruptView) })
}

/** Replaces the approvals the store derived (see `AgentSnapshot.approvals`). Same snapshot if identical. */
export function replaceApprovals(
  snapshot: AgentSnapshot,
  approvals: Readonly<Record<string, ToolApproval>>,
): AgentSnapshot {
  if (approvals === snapshot.approvals) return snapshot
  return toSnapshot(snapshot).with({ approvals })
}

/** Replaces the mirrored connection state (issue 6). Same snapshot if identical. */
export function replaceConnection(
  snapshot: AgentSnapshot,
  connection: AgentSnapshot['connection'],
): AgentSnapshot {
  if (connection === snapshot.connection) return snapshot
  return toSnapshot(snapshot).with({ connection })
}

/** Replaces `snapshot.run` (the store ending a run itself, e.g. a follow-up limit). */
export function replaceRun(snapshot: AgentSnapshot, run: RunInfo): AgentSnapshot {
  if (run === snapshot.run) return snapshot
  return toSnapshot(snapshot).with({ run })
}

/**
 * Adds a tool message the client produced (a frontend tool's result, a decision) where the
 * agent expects it: after its call's assistant message and the results of that message's
 * earlier calls, so parallel results keep call order whatever order they finish in (spec 1.1,
 * "Tool calls"). Falls back to the end of the thread when the call is unknown.
 */
export function appendToolResult(snapshot: AgentSnapshot, message: ToolMessage): AgentSnapshot {
  const s = toSnapshot(snapshot)
  const entry = s.calls[message.toolCallId]
  const ownerIndex = entry ? s.list.indexOfRole(entry.messageId, 'assistant') : -1
  if (!entry || ownerIndex < 0 || s.list.indexOf(message.id) >= 0) {
    return appendMessage(s, message)
  }
  const order = ((s.list.at(ownerIndex) as AssistantMessage).toolCalls ?? []).map((c) => c.id)
  const mine = order.indexOf(message.toolCallId)
  let at = ownerIndex + 1
  for (let m = s.list.at(at); m?.role === 'tool'; m = s.list.at(at)) {
    const rank = order.indexOf(m.toolCallId)
    if (rank < 0 || rank > mine) break
    at++
  }
  const calls = {
    ...s.calls,
    [message.toolCallId]: { ...entry, ended: true, resultMessageId: message.id },
  }
  return s.with({ list: s.list.insert(at, message), calls })
}
